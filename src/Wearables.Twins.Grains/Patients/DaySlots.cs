using Wearables.Twins.Vitals;

namespace Wearables.Twins.Grains.Patients;

/// <summary>
/// One day of a cumulative vital (steps, distance, energy) split into 15-minute slots per source kind, so that
/// two sources counting the same walk add up once: in each slot only the best-ranked source that reported
/// there counts (docs/telemetry.md, "Several sources, one patient"). Bounded: 96 numbers per source kind seen.
/// </summary>
[GenerateSerializer, Alias("Wearables.Twins.DaySlots")]
public sealed class DaySlots
{
    public const int SlotMinutes = 15;
    public const int Count = 24 * 60 / SlotMinutes;

    private static readonly long SlotTicks = TimeSpan.FromMinutes(SlotMinutes).Ticks;

    /// <summary>Per source kind, the amount in each slot; NaN where that source reported nothing.</summary>
    [Id(0)]
    private readonly Dictionary<SourceKind, double[]> _bySource = [];

    /// <summary>Adds the part of <paramref name="sample"/> that falls on <paramref name="day"/>, pro rata by time.</summary>
    public void Add(in VitalSample sample, DateOnly day)
    {
        var dayStart = day.ToDateTime(TimeOnly.MinValue).Ticks;
        var start = sample.Time.DateTime.Ticks - dayStart;
        if (sample.End is not { } end || end <= sample.Time)
        {
            if (start >= 0 && start < Count * SlotTicks)
            {
                Accumulate(sample.Source, (int)(start / SlotTicks), sample.Value);
            }

            return;
        }

        // The end is read in the start's own offset so that the interval is measured on one clock.
        var stop = end.ToOffset(sample.Time.Offset).DateTime.Ticks - dayStart;
        var duration = (double)(stop - start);
        for (var slot = Math.Max(0, (int)(start / SlotTicks)); slot < Count && slot * SlotTicks < stop; slot++)
        {
            var overlap = Math.Min(stop, (slot + 1) * SlotTicks) - Math.Max(start, slot * SlotTicks);
            if (overlap > 0)
            {
                Accumulate(sample.Source, slot, sample.Value * (overlap / duration));
            }
        }
    }

    /// <summary>The day's total with each slot taken from its best-ranked reporting source.</summary>
    public double Total(VitalDefinition vital)
    {
        ArgumentNullException.ThrowIfNull(vital);
        var total = 0.0;
        for (var slot = 0; slot < Count; slot++)
        {
            var bestRank = int.MaxValue;
            var best = 0.0;
            foreach (var (source, slots) in _bySource)
            {
                var rank = vital.SourceRank(source);
                if (!double.IsNaN(slots[slot]) && rank < bestRank)
                {
                    bestRank = rank;
                    best = slots[slot];
                }
            }

            total += best;
        }

        return total;
    }

    public void Clear() => _bySource.Clear();

    private void Accumulate(SourceKind source, int slot, double amount)
    {
        if (!_bySource.TryGetValue(source, out var slots))
        {
            slots = new double[Count];
            Array.Fill(slots, double.NaN);
            _bySource[source] = slots;
        }

        slots[slot] = double.IsNaN(slots[slot]) ? amount : slots[slot] + amount;
    }
}
