namespace Wearables.Twins.Simulator.Realism;

/// <summary>What drives every vital at one instant: body clock, sleep and activity.</summary>
/// <param name="Time">The instant (UTC).</param>
/// <param name="LocalTime">Wall-clock time of the patient.</param>
/// <param name="Circadian">Body clock in [-1, 1]; see <see cref="CircadianRhythm"/>.</param>
/// <param name="Stage">Sleep stage while in bed, null when up.</param>
/// <param name="Activity">Walking intensity in [0, 1]; 0 at rest.</param>
public readonly record struct PhysiologicalState(
    DateTimeOffset Time, TimeOnly LocalTime, double Circadian, SleepStage? Stage, double Activity)
{
    /// <summary>In bed, asleep or not.</summary>
    public bool InBed => Stage is not null;

    /// <summary>Asleep in any sleep stage.</summary>
    public bool Asleep => Stage is SleepStage.Light or SleepStage.Deep or SleepStage.Rem;
}
