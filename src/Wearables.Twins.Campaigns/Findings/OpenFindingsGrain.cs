using System.Collections.Immutable;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Campaigns.Findings;

/// <inheritdoc cref="IOpenFindingsGrain"/>
public sealed class OpenFindingsGrain(
    [PersistentState("open-findings", Catalog.CampaignStorage.Name)] IPersistentState<OpenFindingsState> state) : Grain, IOpenFindingsGrain
{
    private Dictionary<string, FindingEntry> Findings => state.State.Findings;

    public async ValueTask<bool> ApplyAsync(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var key = Key(recommendation.PatientId, recommendation.FindingId);
        if (Findings.TryGetValue(key, out var entry) && !IsNewer(recommendation, entry))
        {
            return false;
        }

        if (entry is null)
        {
            entry = new FindingEntry { PatientId = recommendation.PatientId };
            Findings[key] = entry;
        }

        entry.Kind = recommendation.Kind;
        entry.Severity = recommendation.Severity;
        entry.Transition = recommendation.Transition;
        entry.UpdatedAt = recommendation.CreatedAt;
        Prune(recommendation.CreatedAt);
        await state.WriteStateAsync();
        return true;
    }

    public ValueTask<ImmutableArray<string>> GetPatientsAsync(string kind, RecommendationSeverity minimum)
    {
        var patients = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Findings.Values)
        {
            if (entry.IsOpen && entry.Severity >= minimum && string.Equals(entry.Kind, kind, StringComparison.Ordinal))
            {
                patients.Add(entry.PatientId);
            }
        }

        return ValueTask.FromResult(patients.ToImmutableArray());
    }

    public async ValueTask ErasePatientAsync(string patientId)
    {
        var prefix = patientId + "\n";
        var keys = Findings.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (keys.Count > 0)
        {
            keys.ForEach(k => Findings.Remove(k));
            await state.WriteStateAsync();
        }
    }

    // Transitions of one finding are ordered by when the twin decided them; at the same instant the later stage wins
    // (opened < escalated < resolved), so a redelivered copy compares equal and changes nothing.
    private static bool IsNewer(Recommendation recommendation, FindingEntry entry)
        => recommendation.CreatedAt > entry.UpdatedAt
            || (recommendation.CreatedAt == entry.UpdatedAt && recommendation.Transition > entry.Transition)
            || (recommendation.CreatedAt == entry.UpdatedAt && recommendation.Transition == entry.Transition
                && recommendation.Severity > entry.Severity);

    private static string Key(string patientId, string findingId) => patientId + "\n" + findingId;

    private void Prune(DateTimeOffset now)
    {
        var cutoff = now - OpenFindingsState.TombstoneRetention;
        foreach (var (key, entry) in Findings)
        {
            if (!entry.IsOpen && entry.UpdatedAt < cutoff)
            {
                Findings.Remove(key);
            }
        }

        var excess = Findings.Count - OpenFindingsState.Capacity;
        if (excess > 0)
        {
            // Tombstones go first, then the findings nobody has heard of for longest.
            foreach (var key in Findings.OrderBy(f => f.Value.IsOpen).ThenBy(f => f.Value.UpdatedAt).Take(excess).Select(f => f.Key).ToList())
            {
                Findings.Remove(key);
            }
        }
    }
}
