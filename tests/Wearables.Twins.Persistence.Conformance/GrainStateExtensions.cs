namespace Wearables.Twins.Persistence.Conformance;

public static class GrainStateExtensions
{
    /// <summary>The state of a grain state (which Orleans types as nullable), failing the test when it is null.</summary>
    public static ConformanceState Value(this IGrainState<ConformanceState> grainState) =>
        grainState.State ?? throw new Xunit.Sdk.XunitException("The grain state holds no state object.");
}
