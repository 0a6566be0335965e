namespace Wearables.Twins.Simulator.Realism;

/// <summary>One stretch of a single sleep stage, [<see cref="Start"/>, <see cref="End"/>).</summary>
public readonly record struct SleepInterval(DateTimeOffset Start, DateTimeOffset End, SleepStage Stage)
{
    public TimeSpan Duration => End - Start;

    public bool Contains(DateTimeOffset time) => time >= Start && time < End;
}
