using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;
using Wearables.Twins.Fhir.Mapping;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Wearables.Twins.Fhir.Storage;

/// <summary>How a create should answer (the <c>Prefer: return=</c> header).</summary>
internal enum ReturnPreference
{
    Representation,
    Minimal,
    OperationOutcome,
}

/// <summary>
/// <c>POST [base]</c> with a Bundle of Observation creates.
/// <list type="bullet">
/// <item><c>batch</c>: every entry stands alone; a bad entry gets its own 4xx and OperationOutcome, the others are stored.</item>
/// <item><c>transaction</c>: all entries are checked first (FHIR form, ingest rules, device bindings); if any is
/// invalid the whole transaction is refused and nothing is stored. Valid entries are then stored one by one: the
/// telemetry log is append-only, so if storing fails half-way (503) the entries before stay stored — resending
/// the same transaction is safe, because stored entries are recognised as duplicates.</item>
/// </list>
/// </summary>
internal sealed partial class BundleProcessor(ObservationStore store)
{
    /// <summary>Most entries one Bundle may carry.</summary>
    public const int MaxEntries = 1000;

    /// <param name="bundle">The (possibly partially parsed) Bundle.</param>
    /// <param name="parseIssues">Parse problems, located by FHIRPath.</param>
    /// <param name="baseUrl">FHIR base for fullUrl.</param>
    /// <param name="preference">What each entry's answer carries.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <returns>The response Bundle, or why the whole Bundle is refused.</returns>
    public async Task<(Bundle? Response, FhirIssue[]? Refusal)> ProcessAsync(
        Bundle bundle, IReadOnlyList<FhirIssue> parseIssues, string baseUrl, ReturnPreference preference, CancellationToken cancellationToken)
    {
        if (bundle.Type is not (Bundle.BundleType.Batch or Bundle.BundleType.Transaction))
        {
            return (null, [FhirIssue.BadRequest(IssueType.Value, FhirReasons.InvalidRequest,
                $"POST [base] takes a Bundle of type batch or transaction, not '{bundle.Type?.ToString() ?? "(none)"}'.", "Bundle.type")]);
        }

        if (bundle.Entry.Count > MaxEntries)
        {
            return (null, [new FhirIssue(413, IssueType.TooLong, FhirReasons.TooLarge,
                $"The Bundle has {bundle.Entry.Count} entries; at most {MaxEntries} are accepted. Split it.", "Bundle.entry")]);
        }

        var byEntry = new Dictionary<int, List<FhirIssue>>();
        var general = new List<FhirIssue>();
        foreach (var issue in parseIssues)
        {
            if (EntryIndex(issue.Expression) is { } index && index < bundle.Entry.Count)
            {
                (byEntry.TryGetValue(index, out var list) ? list : byEntry[index] = []).Add(issue);
            }
            else
            {
                general.Add(issue);
            }
        }

        if (general.Count > 0 || (bundle.Type == Bundle.BundleType.Transaction && byEntry.Count > 0))
        {
            return (null, [.. general, .. byEntry.OrderBy(e => e.Key).SelectMany(e => e.Value)]);
        }

        var prepared = new List<(InboundObservation? Observation, IReadOnlyList<FhirIssue> Issues)>(bundle.Entry.Count);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            prepared.Add(byEntry.TryGetValue(i, out var issues) ? (null, issues) : Prepare(bundle.Entry[i], i));
        }

        return bundle.Type == Bundle.BundleType.Batch
            ? (await BatchAsync(prepared, baseUrl, preference, cancellationToken), null)
            : await TransactionAsync(prepared, baseUrl, preference, cancellationToken);
    }

    private async Task<Bundle> BatchAsync(
        List<(InboundObservation? Observation, IReadOnlyList<FhirIssue> Issues)> prepared, string baseUrl,
        ReturnPreference preference, CancellationToken cancellationToken)
    {
        var response = NewResponse(Bundle.BundleType.BatchResponse);
        for (var i = 0; i < prepared.Count; i++)
        {
            var (observation, issues) = prepared[i];
            if (observation is null)
            {
                response.Entry.Add(Failed(issues[0].Status, issues));
                continue;
            }

            var result = await store.StoreAsync(observation, cancellationToken);
            response.Entry.Add(result.Succeeded ? Succeeded(result, baseUrl, preference) : Failed(result.Status, [result.Issue!.InEntry(i)]));
        }

        return response;
    }

    private async Task<(Bundle? Response, FhirIssue[]? Refusal)> TransactionAsync(
        List<(InboundObservation? Observation, IReadOnlyList<FhirIssue> Issues)> prepared, string baseUrl,
        ReturnPreference preference, CancellationToken cancellationToken)
    {
        var issues = new List<FhirIssue>();
        for (var i = 0; i < prepared.Count; i++)
        {
            var (observation, entryIssues) = prepared[i];
            if (observation is null)
            {
                issues.AddRange(entryIssues);
                continue;
            }

            if (store.Validate(observation) is { } invalid)
            {
                issues.Add(invalid.InEntry(i));
            }
            else if (await store.CheckDeviceAsync(observation) is { } conflict)
            {
                issues.Add(conflict.InEntry(i));
            }
        }

        // One device cannot be bound to two patients within the same transaction either.
        foreach (var group in prepared.Select((p, i) => (p.Observation, Index: i)).Where(p => p.Observation is not null)
            .GroupBy(p => ObservationStore.DeviceFor(p.Observation!)))
        {
            if (group.Select(p => p.Observation!.PatientId).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                issues.Add(new FhirIssue(409, IssueType.Conflict, FhirReasons.DeviceConflict,
                    $"Device '{group.Key}' is referenced for more than one patient in this transaction.", $"Bundle.entry[{group.Last().Index}].resource.device"));
            }
        }

        if (issues.Count > 0)
        {
            var status = issues.All(i => i.Status == 409) ? 409 : 400;
            return (null, [.. issues.Select(i => i with { Status = status })]);
        }

        var response = NewResponse(Bundle.BundleType.TransactionResponse);
        for (var i = 0; i < prepared.Count; i++)
        {
            var result = await store.StoreAsync(prepared[i].Observation!, cancellationToken);
            if (!result.Succeeded)
            {
                var issue = result.Issue!.InEntry(i);
                var stored = i == 0 ? "No entry was stored" : $"Entries 0–{i - 1} were stored";
                return (null, [issue with
                {
                    Text = $"{stored} before entry {i} failed: {issue.Text} Resending the same transaction is safe: stored entries are recognised as duplicates.",
                }]);
            }

            response.Entry.Add(Succeeded(result, baseUrl, preference));
        }

        return (response, null);
    }

    private static (InboundObservation? Observation, IReadOnlyList<FhirIssue> Issues) Prepare(Bundle.EntryComponent entry, int index)
    {
        var at = $"Bundle.entry[{index}]";
        if (entry.Request is not { } request)
        {
            return Fail(FhirIssue.BadRequest(IssueType.Required, FhirReasons.InvalidRequest,
                "Each entry needs request.method POST and request.url Observation.", at + ".request"));
        }

        if (request.Method != Bundle.HTTPVerb.POST || !IsObservationUrl(request.Url))
        {
            return Fail(new FhirIssue(405, IssueType.NotSupported, FhirReasons.NotSupported,
                $"Entry {request.Method} {request.Url} is not supported; a Bundle here may only create Observations (POST Observation).",
                at + ".request"));
        }

        if (request.IfNoneExist is not null)
        {
            return Fail(FhirIssue.BadRequest(IssueType.NotSupported, FhirReasons.NotSupported,
                "Conditional create (ifNoneExist) is not supported; plain creates are already idempotent.", at + ".request.ifNoneExist"));
        }

        if (entry.Resource is not Observation observation)
        {
            return Fail(FhirIssue.BadRequest(IssueType.NotSupported, FhirReasons.UnsupportedResource,
                $"Entry resource is {entry.Resource?.TypeName ?? "missing"}; only Observations can be created.", at + ".resource"));
        }

        return ObservationReader.TryRead(observation, out var inbound, out var issue)
            ? (inbound, [])
            : Fail(issue.InEntry(index));

        static (InboundObservation?, IReadOnlyList<FhirIssue>) Fail(FhirIssue issue) => (null, [issue]);
    }

    private static bool IsObservationUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        var trimmed = url.TrimEnd('/');
        return trimmed == "Observation" || trimmed.EndsWith("/Observation", StringComparison.Ordinal);
    }

    private static Bundle NewResponse(Bundle.BundleType type) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Type = type,
    };

    private static Bundle.EntryComponent Succeeded(StoreResult result, string baseUrl, ReturnPreference preference)
    {
        var entry = new Bundle.EntryComponent
        {
            FullUrl = $"{baseUrl}/Observation/{result.Id}",
            Response = new Bundle.ResponseComponent { Status = StatusLine(result.Status), Location = $"Observation/{result.Id}" },
        };
        var note = result.Note is null ? null : Outcomes.Information("outside_recent_window", result.Note);
        switch (preference)
        {
            case ReturnPreference.Representation:
                entry.Resource = result.Resource;
                entry.Response.Outcome = note;
                break;
            case ReturnPreference.OperationOutcome:
                entry.Response.Outcome = note ?? Outcomes.Information(result.Status == 201 ? "created" : "already_stored",
                    result.Status == 201 ? "Stored." : "The twin already held this Observation; nothing changed.");
                break;
        }

        return entry;
    }

    private static Bundle.EntryComponent Failed(int status, IEnumerable<FhirIssue> issues) => new()
    {
        Response = new Bundle.ResponseComponent { Status = StatusLine(status), Outcome = Outcomes.From(issues) },
    };

    internal static string StatusLine(int status) => $"{status} {ReasonPhrases.GetReasonPhrase(status)}";

    private static int? EntryIndex(string? expression)
    {
        if (expression is null)
        {
            return null;
        }

        var match = EntryPattern().Match(expression);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, out var index) ? index : null;
    }

    [GeneratedRegex(@"^Bundle\.entry\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex EntryPattern();
}
