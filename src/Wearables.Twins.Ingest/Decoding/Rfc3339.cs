using System.Globalization;

namespace Wearables.Twins.Ingest.Decoding;

/// <summary>
/// Parses RFC 3339 timestamps strictly: a date, a time and an explicit offset. A timestamp without an
/// offset is ambiguous (whose local time?), so it is refused rather than guessed.
/// </summary>
internal static class Rfc3339
{
    /// <summary>Longer than any timestamp a device sends (nanoseconds are 35 characters); longer text is refused unread.</summary>
    private const int MaxLength = 64;

    /// <summary>Where the '.' of a fraction stands: after <c>yyyy-MM-ddTHH:mm:ss</c>.</summary>
    private const int FractionDot = 19;

    /// <summary>DateTimeOffset holds 100 ns: seven fraction digits.</summary>
    private const int KeptFractionDigits = 7;

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !HasExplicitOffset(text))
        {
            return false;
        }

        Span<char> normalized = stackalloc char[text.Length];
        var length = Normalize(text, normalized);
        return length > 0 && DateTimeOffset.TryParseExact(
            normalized[..length], Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>
    /// RFC 3339 (section 5.6) allows a lower-case 't' and 'z' and any number of fraction digits; devices send
    /// nanoseconds (Go's RFC3339Nano, Java's Instant). The .NET parser takes 'T', 'Z' and at most seven digits, so the
    /// letters are upper-cased and the digits past the seventh dropped (truncated: 100 ns is all that is kept).
    /// A '.' without digits, which the .NET pattern lets through, is not RFC 3339: the result is then 0.
    /// </summary>
    private static int Normalize(ReadOnlySpan<char> text, Span<char> into)
    {
        var length = 0;
        var fractionDigits = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (fractionDigits >= 0 && char.IsAsciiDigit(c))
            {
                if (++fractionDigits > KeptFractionDigits)
                {
                    continue;
                }
            }
            else if (fractionDigits == 0)
            {
                return 0;
            }
            else
            {
                fractionDigits = i == FractionDot && c == '.' ? 0 : -1;
            }

            into[length++] = (i == 10 && c == 't') || (i == text.Length - 1 && c == 'z') ? char.ToUpperInvariant(c) : c;
        }

        return fractionDigits == 0 ? 0 : length;
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
