namespace Wearables.Twins.History.Options;

/// <summary>S3 target settings (<c>Twins:History:S3</c>). Credentials always come from the SDK's default chain.</summary>
public sealed class S3LakeOptions
{
    public string Bucket { get; set; } = string.Empty;

    /// <summary>Key prefix of the lake inside the bucket.</summary>
    public string Prefix { get; set; } = "lake/";

    /// <summary>Region, e.g. <c>sa-east-1</c>; empty uses the SDK's region chain.</summary>
    public string Region { get; set; } = string.Empty;

    /// <summary>Endpoint of an S3-compatible stand-in (fauxqs, MinIO); empty in AWS.</summary>
    public string ServiceUrl { get; set; } = string.Empty;

    /// <summary>Path-style addressing, needed by local stand-ins.</summary>
    public bool ForcePathStyle { get; set; }
}
