namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>One bucket's part of a ring range: the hashes <see cref="Low"/>..<see cref="High"/> (both inclusive) of <see cref="Bucket"/>.</summary>
internal readonly record struct ReminderRingSlice(int Bucket, uint Low, uint High)
{
    /// <summary>
    /// Cuts Orleans' ring range (<paramref name="begin"/>, <paramref name="end"/>] into per-bucket slices. When
    /// <paramref name="begin"/> &gt;= <paramref name="end"/> the range wraps around: (begin, max] then [0, end]; with
    /// begin == end that is the whole ring. Slices never overlap, so no item is read twice.
    /// </summary>
    public static List<ReminderRingSlice> Of(uint begin, uint end)
    {
        var slices = new List<ReminderRingSlice>();
        if (begin < end)
        {
            AddInterval(slices, begin + 1, end);
        }
        else
        {
            if (begin < uint.MaxValue)
            {
                AddInterval(slices, begin + 1, uint.MaxValue);
            }

            AddInterval(slices, 0, end);
        }

        return slices;
    }

    private static void AddInterval(List<ReminderRingSlice> slices, uint low, uint high)
    {
        for (var bucket = ReminderItem.Bucket(low); bucket <= ReminderItem.Bucket(high); bucket++)
        {
            slices.Add(new ReminderRingSlice(
                bucket,
                Math.Max(low, ReminderItem.BucketStart(bucket)),
                Math.Min(high, ReminderItem.BucketEnd(bucket))));
        }
    }
}
