using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism.Generators;

/// <summary>
/// Sleep stages as intervals, each emitted once it has ended (a watch only knows a stage was deep when it is
/// over). An interval already under way at the start is clipped to the start.
/// </summary>
public sealed class SleepStageGenerator : IVitalGenerator
{
    private readonly PatientTimeline _timeline;
    private readonly DateTimeOffset _start;
    private DateTimeOffset _emittedUntil;

    public SleepStageGenerator(PatientTimeline timeline, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        _timeline = timeline;
        _start = start;
        _emittedUntil = start;
    }

    public VitalDefinition Vital => VitalCatalog.SleepStage;

    public void GenerateUntil(DateTimeOffset until, ICollection<GeneratedSample> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (until <= _emittedUntil)
        {
            return;
        }

        var last = _timeline.LocalDate(until);
        for (var date = _timeline.LocalDate(_emittedUntil).AddDays(-1); date <= last; date = date.AddDays(1))
        {
            foreach (var interval in _timeline.NightStarting(date).Intervals)
            {
                if (interval.End > _emittedUntil && interval.End <= until)
                {
                    var time = interval.Start < _start ? _start : interval.Start;
                    output.Add(new GeneratedSample(Vital, time) { End = interval.End, Stage = interval.Stage });
                }
            }
        }

        _emittedUntil = until;
    }
}
