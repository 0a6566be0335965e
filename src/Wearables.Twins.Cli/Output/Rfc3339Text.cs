using System.Globalization;

namespace Wearables.Twins.Cli.Output;

/// <summary>
/// RFC 3339 as the service reads it: date, time and an explicit offset. A time without an offset would be
/// read differently by the service and by the user, so it is refused rather than guessed.
/// </summary>
internal static class Rfc3339Text
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static bool IsValid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z')
            || (text.Length > 6 && text[^3] == ':' && text[^6] is '+' or '-');
        return hasOffset && DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>Milliseconds and the value's own offset: what a person reads and what the service accepts.</summary>
    public static string Format(DateTimeOffset value)
        => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFzzz", CultureInfo.InvariantCulture);
}
