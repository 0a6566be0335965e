namespace Wearables.Twins.Ingest.Decoding;

/// <summary>
/// Device and message ids end up in MQTT topics, grain keys and file names, so they are kept to a
/// conservative alphabet.
/// </summary>
public static class Identifiers
{
    public const int MaxLength = 128;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
