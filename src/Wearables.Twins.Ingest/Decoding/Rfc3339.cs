using System.Globalization;

namespace Wearables.Twins.Ingest.Decoding;

/// <summary>
/// Parses RFC 3339 timestamps strictly: a date, a time and an explicit offset. A timestamp without an
/// offset is ambiguous (whose local time?), so it is refused rather than guessed.
/// </summary>
internal static class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || !HasExplicitOffset(text))
        {
            return false;
        }

        return DateTimeOffset.TryParseExact(
            text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static bool HasExplicitOffset(string text)
    {
        var last = text[^1];
        if (last is 'Z' or 'z')
        {
            return true;
        }

        // ±hh:mm at the end.
        return text.Length > 6 && text[^3] == ':' && text[^6] is '+' or '-';
    }
}
