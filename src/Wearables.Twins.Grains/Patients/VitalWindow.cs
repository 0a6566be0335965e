using System.Collections.Immutable;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Grains.Patients;

/// <summary>
/// The recent samples of one vital, kept sorted by time in a ring of fixed capacity. Appending the newest
/// sample is O(1); a late sample is inserted in place; when full, the oldest is dropped. Memory is bounded
/// by the catalogue's capacity for the vital.
/// </summary>
[GenerateSerializer, Alias("Wearables.Twins.VitalWindow")]
public sealed class VitalWindow
{
    [Id(0)] private VitalSample[] _buffer = [];
    [Id(1)] private int _head;
    [Id(2)] private int _count;

    public VitalWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    [Id(3)]
    public int Capacity { get; private set; }

    /// <summary>Samples ever added (duplicates excluded), not just those still held.</summary>
    [Id(4)]
    public long Total { get; private set; }

    /// <summary>Calendar day (in the newest sample's own offset) that <see cref="DayTotal"/> adds up.</summary>
    [Id(5)]
    public DateOnly Day { get; private set; }

    /// <summary>Per-slot amounts of <see cref="Day"/> by source, for vitals summarised per day (steps).</summary>
    [Id(7)]
    private DaySlots? _daySlots;

    /// <summary>
    /// Total of <see cref="Day"/> for vitals summarised per day, each 15-minute slot counted from one source only.
    /// </summary>
    public double DayTotal(VitalDefinition vital) => _daySlots?.Total(vital) ?? 0;

    public int Count => _count;

    public VitalSample Newest => _count > 0 ? At(_count - 1) : throw new InvalidOperationException("The window is empty.");

    public InsertResult Insert(in VitalSample sample)
    {
        var ticks = sample.Time.UtcTicks;
        if (_count == Capacity && ticks < At(0).Time.UtcTicks)
        {
            return InsertResult.OlderThanWindow;
        }

        var vital = sample.Type.Definition;
        var position = UpperBound(ticks);
        for (var i = position - 1; i >= 0 && At(i).Time.UtcTicks == ticks; i--)
        {
            if (At(i).IsSameMeasurement(sample))
            {
                return ReplaceIfBetter(ref At(i), sample, vital);
            }
        }

        if (vital.Summary == VitalSummary.Session && !MakeRoomForSession(sample, vital))
        {
            return InsertResult.Superseded;
        }

        position = UpperBound(ticks);

        if (_count == Capacity)
        {
            // Drop the oldest to make room; everything shifts one place towards the front.
            _head = (_head + 1) % Capacity;
            _count--;
            position--;
        }

        EnsureRoom();
        for (var i = _count; i > position; i--)
        {
            At(i) = At(i - 1);
        }

        At(position) = sample;
        _count++;
        Total++;
        AddToDay(sample);
        return InsertResult.Added;
    }

    /// <summary>Samples with <paramref name="from"/> ≤ time &lt; <paramref name="to"/>, oldest first.</summary>
    public ImmutableArray<VitalSample> Range(DateTimeOffset from, DateTimeOffset to)
    {
        var start = LowerBound(from.UtcTicks);
        var end = LowerBound(to.UtcTicks);
        if (end <= start)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<VitalSample>(end - start);
        for (var i = start; i < end; i++)
        {
            builder.Add(At(i));
        }

        return builder.MoveToImmutable();
    }

    private InsertResult ReplaceIfBetter(ref VitalSample held, in VitalSample sample, VitalDefinition vital)
    {
        if (vital.SourceRank(sample.Source) >= vital.SourceRank(held.Source))
        {
            return held.Source == sample.Source ? InsertResult.Duplicate : InsertResult.Superseded;
        }

        held = sample;

        // The replaced source's share stays in its own slots, where the better source now outranks it.
        AddToDay(sample);
        return InsertResult.Replaced;
    }

    /// <summary>
    /// Sessions (sleep) from two sources overlap rather than coincide: the best-ranked source's intervals are
    /// kept, and a worse source's overlapping ones give way. Returns false when the new one must give way.
    /// </summary>
    private bool MakeRoomForSession(in VitalSample sample, VitalDefinition vital)
    {
        var rank = vital.SourceRank(sample.Source);
        var end = sample.End ?? sample.Time;
        for (var i = 0; i < _count; i++)
        {
            ref var held = ref At(i);
            if (held.Source != sample.Source && Overlaps(held, sample.Time, end) && vital.SourceRank(held.Source) <= rank)
            {
                return false;
            }
        }

        for (var i = _count - 1; i >= 0; i--)
        {
            if (At(i).Source != sample.Source && Overlaps(At(i), sample.Time, end))
            {
                RemoveAt(i);
            }
        }

        return true;
    }

    private static bool Overlaps(in VitalSample held, DateTimeOffset start, DateTimeOffset end)
        => held.Time < end && (held.End ?? held.Time) > start;

    private void RemoveAt(int index)
    {
        for (var i = index; i < _count - 1; i++)
        {
            At(i) = At(i + 1);
        }

        _count--;
    }

    private void AddToDay(in VitalSample sample)
    {
        if (sample.Type.Definition.Summary != VitalSummary.SumPerDay)
        {
            return;
        }

        var day = DateOnly.FromDateTime(sample.Time.DateTime);
        if (day > Day)
        {
            Day = day;
            _daySlots?.Clear();
        }

        if (day == Day)
        {
            (_daySlots ??= new DaySlots()).Add(sample, day);
        }
    }

    private ref VitalSample At(int logicalIndex) => ref _buffer[(_head + logicalIndex) % _buffer.Length];

    private void EnsureRoom()
    {
        if (_count < _buffer.Length)
        {
            return;
        }

        // Grow towards capacity only as samples arrive: a twin that sees a vital rarely stays small.
        var grown = new VitalSample[Math.Min(Capacity, Math.Max(8, _buffer.Length * 2))];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = At(i);
        }

        _buffer = grown;
        _head = 0;
    }

    private int LowerBound(long ticks)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (At(mid).Time.UtcTicks < ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private int UpperBound(long ticks)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (At(mid).Time.UtcTicks <= ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
