using System.Collections.Immutable;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Grains.Common;

namespace Wearables.Twins.Grains.CareTeams;

/// <summary>
/// A care team: settings and members (the escalation chain) and the patients it follows. Written on every change,
/// which is rare (administration, not telemetry). It calls no other grain, so others may call it freely.
/// </summary>
public sealed class CareTeamGrain(
    [PersistentState("careTeam", StorageNames.Twins)] IPersistentState<CareTeamState> state,
    TimeProvider time) : Grain, ICareTeamGrain
{
    private CareTeamState State => state.State;

    public async ValueTask<CareTeamInfo> DefineAsync(CareTeamDefinition definition)
    {
        CareTeamDefinitionRules.Check(definition);
        State.Definition = definition.EscalationChain.IsDefault ? definition with { EscalationChain = [] } : definition;
        State.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return Info(State.Definition);
    }

    public ValueTask<CareTeamInfo?> GetAsync()
        => ValueTask.FromResult(State.Definition is { } definition ? Info(definition) : null);

    public async ValueTask<PatientAssignmentOutcome> AddPatientAsync(string patientId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        if (State.Definition is null)
        {
            return PatientAssignmentOutcome.UnknownTeam;
        }

        if (State.Patients.Contains(patientId))
        {
            return PatientAssignmentOutcome.AlreadyInTeam;
        }

        if (State.Patients.Count >= CareTeamLimits.MaxPatients)
        {
            return PatientAssignmentOutcome.TeamFull;
        }

        State.Patients.Add(patientId);
        await state.WriteStateAsync();
        return PatientAssignmentOutcome.Added;
    }

    public async ValueTask<bool> RemovePatientAsync(string patientId)
    {
        if (patientId is null || !State.Patients.Remove(patientId))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public ValueTask<ImmutableArray<string>> GetPatientsAsync()
        => ValueTask.FromResult(State.Patients.Order(StringComparer.Ordinal).ToImmutableArray());

    public ValueTask<ImmutableArray<CareTeamContact>> GetMembersAsync()
        => ValueTask.FromResult(State.Definition?.EscalationChain ?? []);

    public ValueTask<bool> IsMemberAsync(string userId)
        => ValueTask.FromResult(State.Definition is { } definition
            && definition.EscalationChain.Any(c => string.Equals(c.Id, userId, StringComparison.Ordinal)));

    private CareTeamInfo Info(CareTeamDefinition definition)
        => new(this.GetPrimaryKeyString(), definition, State.Patients.Count, State.UpdatedAt);
}
