namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Where a DynamoDB table lives and how to reach it. In AWS leave <see cref="ServiceUrl"/>, <see cref="AccessKey"/> and
/// <see cref="SecretKey"/> empty: the SDK's default chain supplies the region and credentials (IRSA on Kubernetes).
/// For a local stand-in (dynalite) set <see cref="ServiceUrl"/> and any key pair.
/// </summary>
public abstract class DynamoDbConnectionOptions
{
    /// <summary>
    /// Endpoint of a DynamoDB-compatible server, e.g. <c>http://127.0.0.1:4567</c>. Empty in AWS (the regional endpoint
    /// is used).
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// AWS region, e.g. <c>eu-west-1</c>. With <see cref="ServiceUrl"/> it is the signing region (defaults to
    /// <c>us-east-1</c>); without it, empty means the SDK's default region chain (<c>AWS_REGION</c>, profile).
    /// </summary>
    public string? Region { get; set; }

    /// <summary>Access key for static credentials (local stand-ins only); empty uses the default credential chain.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret key paired with <see cref="AccessKey"/>. Never logged.</summary>
    [Redact]
    public string? SecretKey { get; set; }

    /// <summary>Name of the table. Required.</summary>
    public string TableName { get; set; } = string.Empty;

    /// <summary>
    /// Creates the table (on-demand billing) at start-up when it does not exist. Off by default: in AWS tables are
    /// provisioned by infrastructure code, and the service's IAM role should not be allowed to create them.
    /// </summary>
    public bool CreateIfNotExists { get; set; }

    /// <summary>
    /// Configuration path the options were bound from (e.g. <c>Twins:Storage:DynamoDb</c>), used only to name
    /// settings in validation messages.
    /// </summary>
    internal string? SettingsPath { get; set; }
}
