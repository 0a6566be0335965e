namespace Wearables.Twins.Durability;

/// <summary>
/// The start positions of the segments on disk, ascending. The writer adds at the end, checkpoints remove
/// from the front, readers take snapshots; the last entry is the active segment.
/// </summary>
internal sealed class SegmentCatalog(IEnumerable<long> starts)
{
    private readonly Lock _gate = new();
    private readonly List<long> _starts = [.. starts];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _starts.Count;
            }
        }
    }

    public long[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _starts];
        }
    }

    public void Add(long start)
    {
        lock (_gate)
        {
            _starts.Add(start);
        }
    }

    public void Remove(long start)
    {
        lock (_gate)
        {
            _starts.Remove(start);
        }
    }

    /// <summary>Segments whose records all lie before <paramref name="position"/>; never the active (last) one.</summary>
    public List<long> EntirelyBefore(long position)
    {
        lock (_gate)
        {
            var result = new List<long>();
            for (var i = 0; i + 1 < _starts.Count && _starts[i + 1] <= position; i++)
            {
                result.Add(_starts[i]);
            }

            return result;
        }
    }

    /// <summary>Index of the segment holding <paramref name="position"/>, or 0 when it lies before every segment.</summary>
    public static int IndexFor(long[] starts, long position)
    {
        var index = Array.BinarySearch(starts, position);
        return index >= 0 ? index : Math.Max(0, ~index - 1);
    }
}
