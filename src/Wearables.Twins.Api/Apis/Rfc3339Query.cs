using System.Globalization;

namespace Wearables.Twins.Api.Apis;

/// <summary>Query-string times: RFC 3339 with an offset. '+' arrives as a space when not escaped, so it is restored.</summary>
internal static class Rfc3339Query
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        var candidate = text.Replace(' ', '+');
        var hasOffset = candidate.EndsWith('Z') || candidate.EndsWith('z')
            || (candidate.Length > 6 && candidate[^3] == ':' && candidate[^6] is '+' or '-');
        value = default;
        return hasOffset && DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
