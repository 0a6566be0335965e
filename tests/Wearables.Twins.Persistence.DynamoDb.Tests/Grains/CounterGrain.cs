namespace Wearables.Twins.Persistence.DynamoDb.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount);

    Task<CounterSnapshot> GetAsync();
}

[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public int Total { get; set; }
}

[GenerateSerializer]
public sealed record CounterSnapshot([property: Id(0)] int Total, [property: Id(1)] SiloAddress Silo, [property: Id(2)] bool RecordExists);

/// <summary>A grain whose state lives in the "dynamodb" provider and that says which silo runs it.</summary>
public sealed class CounterGrain(
    [PersistentState("counter", "dynamodb")] IPersistentState<CounterState> state,
    ILocalSiloDetails silo) : Grain, ICounterGrain
{
    public async Task<int> AddAsync(int amount)
    {
        state.State.Total += amount;
        await state.WriteStateAsync();
        return state.State.Total;
    }

    public Task<CounterSnapshot> GetAsync() => Task.FromResult(new CounterSnapshot(state.State.Total, silo.SiloAddress, state.RecordExists));
}
