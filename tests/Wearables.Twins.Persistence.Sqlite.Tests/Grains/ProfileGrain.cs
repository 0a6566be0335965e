namespace Wearables.Twins.Persistence.Sqlite.Tests.Grains;

public interface IProfileGrain : IGrainWithStringKey
{
    Task RecordAsync(string displayName, int steps);

    Task<ProfileSnapshot> GetAsync();
}

[GenerateSerializer]
public sealed class ProfileState
{
    [Id(0)]
    public string DisplayName { get; set; } = string.Empty;

    [Id(1)]
    public List<int> Steps { get; } = [];
}

[GenerateSerializer]
public sealed record ProfileSnapshot(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] IReadOnlyList<int> Steps,
    [property: Id(2)] bool RecordExists,
    [property: Id(3)] Guid ActivationId);

/// <summary>A grain whose state lives in the "sqlite" provider.</summary>
public sealed class ProfileGrain([PersistentState("state", "sqlite")] IPersistentState<ProfileState> state) : Grain, IProfileGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task RecordAsync(string displayName, int steps)
    {
        state.State.DisplayName = displayName;
        state.State.Steps.Add(steps);
        await state.WriteStateAsync();
    }

    public Task<ProfileSnapshot> GetAsync() =>
        Task.FromResult(new ProfileSnapshot(state.State.DisplayName, [.. state.State.Steps], state.RecordExists, _activationId));
}
