namespace Wearables.Twins.Hosting.Clustering;

/// <summary>The configuration keys <c>UseTwinsClustering</c> reads, and the membership choices it knows.</summary>
public static class TwinsClusterSettings
{
    /// <summary>The section holding the choice and the settings of each provider.</summary>
    public const string Section = "Twins:Cluster";

    /// <summary><c>localhost</c> (default, one machine), <c>dynamodb</c> or <c>redis</c>.</summary>
    public const string Membership = "Twins:Cluster:Membership";

    /// <summary><c>true</c> adds Orleans' Kubernetes hosting (silo identity from the pod, dead pods removed from membership).</summary>
    public const string Kubernetes = "Twins:Cluster:Kubernetes";

    /// <summary>The <see cref="Persistence.DynamoDb.DynamoDbClusteringOptions"/> section.</summary>
    public const string DynamoDb = "Twins:Cluster:DynamoDb";

    /// <summary>
    /// The <see cref="Orleans.Configuration.ClusterMembershipOptions"/> section: how fast a silo that stopped answering
    /// is declared dead (<c>ProbeTimeout</c>, <c>NumMissedProbesLimit</c>, <c>NumVotesForDeathDeclaration</c>,
    /// <c>TableRefreshTimeout</c>, <c>IAmAliveTablePublishTimeout</c>, …). Orleans' defaults apply to what is not set.
    /// </summary>
    public const string Liveness = "Twins:Cluster:Liveness";

    /// <summary>A StackExchange.Redis connection string, e.g. <c>redis.internal:6379,ssl=true,password=...</c>.</summary>
    public const string RedisConnectionString = "Twins:Cluster:Redis:ConnectionString";

    /// <summary>Silo-to-silo port (default 11111), shared with the host's existing <c>Twins:Orleans</c> settings.</summary>
    public const string SiloPort = "Twins:Orleans:SiloPort";

    /// <summary>Client gateway port (default 30000).</summary>
    public const string GatewayPort = "Twins:Orleans:GatewayPort";

    /// <summary>
    /// The IP address this silo advertises to the others (default: Orleans picks an address of the machine; on
    /// Kubernetes the pod IP). <c>127.0.0.1</c> keeps a cluster of processes on one machine on the loopback interface.
    /// </summary>
    public const string AdvertisedIPAddress = "Twins:Orleans:AdvertisedIPAddress";

    /// <summary>Orleans service id (stable across deployments; keys grain state).</summary>
    public const string ServiceId = "Twins:Orleans:ServiceId";

    /// <summary>Orleans cluster id (one membership partition per cluster).</summary>
    public const string ClusterId = "Twins:Orleans:ClusterId";

    public const string LocalhostChoice = "localhost";
    public const string DynamoDbChoice = "dynamodb";
    public const string RedisChoice = "redis";
}
