using System.Globalization;
using Microsoft.AspNetCore.Http;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Vitals;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Wearables.Twins.Fhir.Search;

/// <summary>A parsed <c>GET /fhir/Observation</c> search.</summary>
/// <param name="PatientId">The patient (required).</param>
/// <param name="Codes">The code tokens as given (empty: every vital).</param>
/// <param name="Vitals">The vitals they name (every vital when no code was given).</param>
/// <param name="UnknownCodes">Tokens that name no vital (reported as a warning; they match nothing).</param>
/// <param name="Dates">Every date filter; a sample must match all.</param>
/// <param name="Count">Page size.</param>
/// <param name="Page">1-based page.</param>
public sealed record ObservationQuery(
    string PatientId,
    IReadOnlyList<string> Codes,
    IReadOnlyList<VitalDefinition> Vitals,
    IReadOnlyList<string> UnknownCodes,
    IReadOnlyList<DateFilter> Dates,
    int Count,
    int Page)
{
    public const int DefaultCount = 50;
    public const int MaxCount = 1000;

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "patient", "subject", "code", "date", "_count", "_page", "_format", "_pretty",
    };

    /// <param name="query">The query string.</param>
    /// <param name="strict">Prefer: handling=strict — unknown parameters are errors instead of being ignored.</param>
    /// <param name="result">The search.</param>
    /// <param name="issue">Why the search is not valid (400).</param>
    public static bool TryParse(IQueryCollection query, bool strict, out ObservationQuery result, out FhirIssue issue)
    {
        ArgumentNullException.ThrowIfNull(query);
        result = null!;
        issue = null!;
        if (strict && query.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            issue = Invalid($"Search parameter '{unknown}' is not supported (Prefer: handling=strict). Supported: {string.Join(", ", Known)}.");
            return false;
        }

        var patients = query["patient"].Concat(query["subject"]).OfType<string>().ToList();
        if (patients.Count != 1 || patients[0].Contains(',', StringComparison.Ordinal))
        {
            issue = Invalid(patients.Count == 0
                ? "Search parameter 'patient' is required: Observation?patient={id}."
                : "Give exactly one patient per search.");
            return false;
        }

        var patient = patients[0].Trim();
        if (!FhirIds.IsTwinId(patient) && !FhirIds.TryParseReference(patient, "Patient", out patient))
        {
            issue = Invalid($"'{patients[0]}' is not a patient id or Patient/{{id}} reference.");
            return false;
        }

        var codes = query["code"].OfType<string>()
            .SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        var vitals = new List<VitalDefinition>();
        var unknownCodes = new List<string>();
        foreach (var code in codes)
        {
            var named = FhirVitalCodes.ResolveToken(code);
            if (named.Count == 0)
            {
                unknownCodes.Add(code);
            }

            vitals.AddRange(named.Where(v => !vitals.Contains(v)));
        }

        var dates = new List<DateFilter>();
        foreach (var text in query["date"].OfType<string>())
        {
            if (!DateFilter.TryParse(text, out var filter, out var problem))
            {
                issue = Invalid(problem);
                return false;
            }

            dates.Add(filter);
        }

        if (!TryReadInt(query, "_count", DefaultCount, 0, out var count, out issue)
            || !TryReadInt(query, "_page", 1, 1, out var page, out issue))
        {
            return false;
        }

        result = new ObservationQuery(patient, codes, codes.Count == 0 ? VitalCatalog.All : vitals, unknownCodes, dates,
            Math.Min(count, MaxCount), page);
        return true;
    }

    /// <summary>The query string of this search at another page (the canonical form used in Bundle links).</summary>
    public string ToQueryString(int page)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("patient", PatientId) };
        if (Codes.Count > 0)
        {
            pairs.Add(new("code", string.Join(',', Codes)));
        }

        pairs.AddRange(Dates.Select(d => new KeyValuePair<string, string?>("date", d.Text)));
        pairs.Add(new("_count", Count.ToString(CultureInfo.InvariantCulture)));
        pairs.Add(new("_page", page.ToString(CultureInfo.InvariantCulture)));
        return QueryString.Create(pairs).ToUriComponent();
    }

    private static bool TryReadInt(IQueryCollection query, string name, int fallback, int min, out int value, out FhirIssue issue)
    {
        issue = null!;
        value = fallback;
        var texts = query[name];
        if (texts.Count == 0)
        {
            return true;
        }

        if (texts.Count > 1 || !int.TryParse(texts[0], NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min)
        {
            issue = Invalid($"'{name}' must be one whole number of at least {min}.");
            return false;
        }

        return true;
    }

    private static FhirIssue Invalid(string text) => FhirIssue.BadRequest(IssueType.Invalid, FhirReasons.InvalidSearch, text);
}
