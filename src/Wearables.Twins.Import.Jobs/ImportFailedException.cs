namespace Wearables.Twins.Import.Jobs;

/// <summary>The file as a whole cannot be imported; the message says why in words a person can act on.</summary>
public sealed class ImportFailedException : Exception
{
    public ImportFailedException()
    {
    }

    public ImportFailedException(string message)
        : base(message)
    {
    }

    public ImportFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
