using System.Collections.Immutable;

namespace Wearables.Twins.Campaigns.Membership;

/// <inheritdoc cref="ICampaignMembersGrain"/>
public sealed class CampaignMembersGrain(
    [PersistentState("campaign-members", Catalog.CampaignStorage.Name)] IPersistentState<CampaignMembersState> state) : Grain, ICampaignMembersGrain
{
    public async ValueTask<MembershipResult> ReconcileAsync(string runId, ImmutableArray<string> matched, ImmutableArray<string> messaged)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        if (string.Equals(state.State.LastRunId, runId, StringComparison.Ordinal) && state.State.LastResult is { } previous)
        {
            return previous;
        }

        var cohort = new HashSet<string>(matched.IsDefault ? [] : matched, StringComparer.Ordinal);
        var members = state.State.Members;
        var exited = members.RemoveWhere(member => !cohort.Contains(member));
        var enrolled = 0;
        foreach (var patient in messaged.IsDefault ? [] : messaged)
        {
            if (members.Add(patient))
            {
                enrolled++;
            }
        }

        var result = new MembershipResult(enrolled, members.Count, exited);
        state.State.LastRunId = runId;
        state.State.LastResult = result;

        // A run that changed nothing needs no write: repeating it computes the same answer.
        if (exited + enrolled > 0)
        {
            await state.WriteStateAsync();
        }

        return result;
    }
}
