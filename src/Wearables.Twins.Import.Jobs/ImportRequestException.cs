namespace Wearables.Twins.Import.Jobs;

/// <summary>An import request that cannot be accepted; <see cref="Reason"/> is a stable code for problem+json.</summary>
public sealed class ImportRequestException : Exception
{
    public ImportRequestException()
    {
        Reason = "invalid_import";
    }

    public ImportRequestException(string message)
        : base(message)
    {
        Reason = "invalid_import";
    }

    public ImportRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = "invalid_import";
    }

    public ImportRequestException(string reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public string Reason { get; }

    /// <summary>True when the upload was too large (413 rather than 400).</summary>
    public bool IsTooLarge => Reason == "upload_too_large";
}
