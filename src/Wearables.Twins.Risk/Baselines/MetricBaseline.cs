namespace Wearables.Twins.Risk.Baselines;

/// <summary>
/// Bounded history of one metric: a ring of <see cref="CapacityDays"/> finished days, each with
/// <see cref="BucketsPerDay"/> values (24 hourly means for heart rate, one value a day otherwise), plus running
/// sums for the current day. Raw samples are never kept. A late sample for a day already closed is ignored.
/// </summary>
[GenerateSerializer, Alias("Wearables.Twins.Risk.MetricBaseline")]
public sealed class MetricBaseline
{
    /// <summary>For serializers; use the other constructor.</summary>
    public MetricBaseline()
    {
    }

    public MetricBaseline(BaselineMetric metric, int bucketsPerDay, int capacityDays, bool sumPerDay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketsPerDay, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityDays, 1);
        Metric = metric;
        BucketsPerDay = bucketsPerDay;
        CapacityDays = capacityDays;
        SumPerDay = sumPerDay;
        DayNumbers = new int[capacityDays];
        Array.Fill(DayNumbers, int.MinValue);
        Values = new float[capacityDays * bucketsPerDay];
        Array.Fill(Values, float.NaN);
        CurrentSums = new double[bucketsPerDay];
        CurrentCounts = new int[bucketsPerDay];
        CurrentDay = int.MinValue;
    }

    [Id(0)] public BaselineMetric Metric { get; set; }

    [Id(1)] public int BucketsPerDay { get; set; }

    [Id(2)] public int CapacityDays { get; set; }

    /// <summary>Daily totals (steps, sleep minutes) rather than means.</summary>
    [Id(3)] public bool SumPerDay { get; set; }

    /// <summary>Day number (<see cref="DateOnly.DayNumber"/>) held in each ring slot; int.MinValue when empty.</summary>
    [Id(4)] public int[] DayNumbers { get; set; } = [];

    /// <summary>Slot-major values: slot × <see cref="BucketsPerDay"/> + bucket; NaN where there was no data.</summary>
    [Id(5)] public float[] Values { get; set; } = [];

    [Id(6)] public int CurrentDay { get; set; } = int.MinValue;

    [Id(7)] public double[] CurrentSums { get; set; } = [];

    [Id(8)] public int[] CurrentCounts { get; set; } = [];

    /// <summary>Folds one value into the day and bucket it belongs to.</summary>
    public void Add(int dayNumber, int bucket, double value)
    {
        if (double.IsNaN(value) || dayNumber < CurrentDay)
        {
            return;
        }

        if (dayNumber > CurrentDay)
        {
            CloseCurrentDay();
            CurrentDay = dayNumber;
        }

        var b = BucketsPerDay == 1 ? 0 : Math.Clamp(bucket, 0, BucketsPerDay - 1);
        CurrentSums[b] += value;
        CurrentCounts[b]++;
    }

    /// <summary>The day's value in <paramref name="bucket"/> (or, with bucket −1, the median over its buckets).</summary>
    public bool TryGetDay(int dayNumber, int bucket, out double value)
    {
        value = double.NaN;
        if (dayNumber == CurrentDay)
        {
            value = bucket >= 0 ? CurrentValue(bucket) : MedianOfBuckets(CurrentValue);
            return !double.IsNaN(value);
        }

        var slot = SlotOf(dayNumber);
        if (slot < 0)
        {
            return false;
        }

        value = bucket >= 0 ? Values[(slot * BucketsPerDay) + bucket] : MedianOfBuckets(b => Values[(slot * BucketsPerDay) + b]);
        return !double.IsNaN(value);
    }

    /// <summary>How many values the current day has in <paramref name="bucket"/> (−1: all buckets).</summary>
    public int CurrentCount(int dayNumber, int bucket)
    {
        if (dayNumber != CurrentDay)
        {
            return 0;
        }

        if (bucket >= 0)
        {
            return CurrentCounts[bucket];
        }

        var total = 0;
        foreach (var count in CurrentCounts)
        {
            total += count;
        }

        return total;
    }

    /// <summary>
    /// Robust baseline over the finished days in [<paramref name="fromDay"/>, <paramref name="untilDay"/>), for one
    /// bucket (or the daily value with −1).
    /// </summary>
    public BaselineEstimate Estimate(int fromDay, int untilDay, int bucket, double minimumScale)
    {
        Span<double> values = stackalloc double[CapacityDays];
        var count = 0;
        for (var day = fromDay; day < untilDay; day++)
        {
            if (day != CurrentDay && TryGetDay(day, bucket, out var value))
            {
                values[count++] = value;
            }
        }

        return RobustStatistics.Estimate(values[..count], minimumScale);
    }

    private void CloseCurrentDay()
    {
        if (CurrentDay == int.MinValue)
        {
            return;
        }

        var slot = (int)((uint)CurrentDay % (uint)CapacityDays);
        DayNumbers[slot] = CurrentDay;
        for (var b = 0; b < BucketsPerDay; b++)
        {
            Values[(slot * BucketsPerDay) + b] = (float)CurrentValue(b);
            CurrentSums[b] = 0;
            CurrentCounts[b] = 0;
        }
    }

    private double CurrentValue(int bucket)
        => CurrentCounts[bucket] == 0 ? double.NaN
            : SumPerDay ? CurrentSums[bucket]
            : CurrentSums[bucket] / CurrentCounts[bucket];

    private int SlotOf(int dayNumber)
    {
        if (dayNumber == int.MinValue)
        {
            return -1;
        }

        var slot = (int)((uint)dayNumber % (uint)CapacityDays);
        return DayNumbers[slot] == dayNumber ? slot : -1;
    }

    private double MedianOfBuckets(Func<int, double> valueOf)
    {
        if (BucketsPerDay == 1)
        {
            return valueOf(0);
        }

        Span<double> values = stackalloc double[BucketsPerDay];
        var count = 0;
        for (var b = 0; b < BucketsPerDay; b++)
        {
            var value = valueOf(b);
            if (!double.IsNaN(value))
            {
                values[count++] = value;
            }
        }

        return RobustStatistics.Median(values[..count]);
    }
}
