namespace Wearables.Twins.Grains.Patients;

/// <summary>
/// The care team following the patient. The twin only remembers it and stamps it on its recommendations; the team's
/// own list of patients is kept by the care-team grain (the API keeps both sides in step).
/// </summary>
public sealed partial class PatientGrain
{
    public async ValueTask<string?> SetCareTeamAsync(string? careTeamId)
    {
        var previous = State.CareTeamId;
        if (!string.Equals(previous, careTeamId, StringComparison.Ordinal))
        {
            State.CareTeamId = careTeamId;
            await WriteAsync();
        }

        return previous;
    }

    public async ValueTask<bool> LeaveCareTeamAsync(string careTeamId)
    {
        if (!string.Equals(State.CareTeamId, careTeamId, StringComparison.Ordinal))
        {
            return false;
        }

        State.CareTeamId = null;
        await WriteAsync();
        return true;
    }

    public ValueTask<string?> GetCareTeamAsync() => ValueTask.FromResult(State.CareTeamId);
}
