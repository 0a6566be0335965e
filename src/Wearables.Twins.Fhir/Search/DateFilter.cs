using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir.Search;

/// <summary>
/// One <c>date</c> search parameter, with FHIR's prefix semantics over ranges: the parameter's value is the
/// range its precision implies (<c>2024-05-01</c> is that whole UTC day), a sample is the range from its
/// time to its end (a point for instants).
/// </summary>
public sealed record DateFilter(string Prefix, DateTimeOffset Lower, DateTimeOffset Upper, string Text)
{
    public static readonly IReadOnlyList<string> Prefixes = ["eq", "ne", "lt", "gt", "le", "ge", "sa", "eb"];

    /// <summary>Parses <c>ge2024-05-01T10:00:00+02:00</c>; '+' read back from a space (an unescaped query string).</summary>
    public static bool TryParse(string text, out DateFilter filter, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        filter = null!;
        problem = string.Empty;
        var value = text.Trim().Replace(' ', '+');
        var prefix = "eq";
        if (value.Length >= 2 && char.IsAsciiLetterLower(value[0]) && char.IsAsciiLetterLower(value[1]))
        {
            if (!Prefixes.Contains(value[..2]))
            {
                problem = FhirTime.TryParse(value[2..], out _, out _, out _)
                    ? $"date prefix '{value[..2]}' is not supported; use one of {string.Join(", ", Prefixes)}."
                    : NotADate(text);
                return false;
            }

            prefix = value[..2];
            value = value[2..];
        }

        if (!FhirTime.TryParse(value, out var lower, out var upper, out _))
        {
            problem = NotADate(text);
            return false;
        }

        filter = new DateFilter(prefix, lower, upper, prefix + value);
        return true;
    }

    private static string NotADate(string text)
        => $"date '{text}' is not a FHIR date (2024-05-01) or dateTime with an offset (2024-05-01T10:00:00Z), optionally after a prefix (ge, le, …).";

    public bool Matches(in VitalSample sample)
    {
        var start = sample.Time;
        var end = sample.End ?? sample.Time;
        return Prefix switch
        {
            "eq" => start >= Lower && end < Upper,
            "ne" => !(start >= Lower && end < Upper),
            "lt" => start < Lower,
            "gt" => end >= Upper,
            "le" => start < Upper,
            "ge" => end >= Lower,
            "sa" => start >= Upper,
            "eb" => end < Lower,
            _ => false,
        };
    }

    /// <summary>
    /// The narrowest [from, to) of sample start times that can match, so a twin returns only what may match.
    /// Intervals may start before a lower bound and still end inside it, so lower bounds narrow instants only.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) StartRange(bool instantsOnly)
    {
        var from = DateTimeOffset.MinValue;
        var to = DateTimeOffset.MaxValue;
        switch (Prefix)
        {
            case "eq":
                from = Lower;
                to = Upper;
                break;
            case "lt" or "eb":
                to = Lower;
                break;
            case "le":
                to = Upper;
                break;
            case "sa":
                from = Upper;
                break;
            case "gt" when instantsOnly:
                from = Upper;
                break;
            case "ge" when instantsOnly:
                from = Lower;
                break;
        }

        return (from, to);
    }
}
