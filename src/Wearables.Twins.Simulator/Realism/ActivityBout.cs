namespace Wearables.Twins.Simulator.Realism;

/// <summary>A stretch of walking, [<see cref="Start"/>, <see cref="End"/>), at an intensity in (0, 1].</summary>
public readonly record struct ActivityBout(DateTimeOffset Start, DateTimeOffset End, double Intensity)
{
    public bool Contains(DateTimeOffset time) => time >= Start && time < End;
}
