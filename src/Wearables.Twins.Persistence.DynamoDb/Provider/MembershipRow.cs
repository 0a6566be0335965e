namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// The layout of the membership table: one partition per cluster id, holding one version row and one row per silo.
/// </summary>
internal static class MembershipRow
{
    public const string ClusterId = "ClusterId";
    public const string Row = "Row";

    /// <summary>Sort key of the version row; silo rows use <c>SiloAddress.ToParsableString()</c>, which never starts with '#'.</summary>
    public const string VersionRowKey = "#version";

    // Version row.
    public const string Version = "Version";
    public const string VersionETag = "VersionETag";
    public const string PendingRow = "PendingRow";
    public const string PendingExpectedETag = "PendingExpectedETag";
    public const string PendingETag = "PendingETag";
    public const string PendingVersion = "PendingVersion";
    public const string PendingVersionETag = "PendingVersionETag";
    public const string PendingEntry = "PendingEntry";

    // Silo rows.
    public const string ETag = "ETag";
    public const string Status = "Status";
    public const string ProxyPort = "ProxyPort";
    public const string HostName = "HostName";
    public const string SiloName = "SiloName";
    public const string RoleName = "RoleName";
    public const string UpdateZone = "UpdateZone";
    public const string FaultZone = "FaultZone";
    public const string StartTime = "StartTime";
    public const string IAmAliveTime = "IAmAliveTime";
    public const string SuspectTimes = "SuspectTimes";
    public const string Suspecter = "Silo";
    public const string SuspectTime = "Time";

    public static readonly DynamoDbTableSchema Schema = new(ClusterId, Row);
}
