namespace Wearables.Twins.History.Options;

/// <summary>Where the lake's objects are stored.</summary>
public enum LakeTarget
{
    /// <summary>A folder under the data directory.</summary>
    Local,

    /// <summary>An S3 bucket (credentials from the default chain).</summary>
    S3,
}
