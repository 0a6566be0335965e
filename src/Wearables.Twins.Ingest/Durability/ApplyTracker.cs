namespace Wearables.Twins.Ingest.Durability;

/// <summary>
/// Knows which log records are durable but not yet applied to twins, and which wearables received data
/// since the last checkpoint. A checkpoint may only move past records that are applied, and only after the
/// twins that took them have persisted their state.
/// </summary>
public sealed class ApplyTracker
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, int> _inFlightLowerBounds = [];
    private HashSet<string> _touched = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers an append about to start. The returned bound is at or below the record's final position
    /// because positions only grow.
    /// </summary>
    public long BeginAppend(long currentEnd)
    {
        lock (_gate)
        {
            _inFlightLowerBounds[currentEnd] = _inFlightLowerBounds.GetValueOrDefault(currentEnd) + 1;
        }

        return currentEnd;
    }

    /// <summary>Marks an append as applied (or abandoned) and remembers the wearable it touched.</summary>
    public void EndAppend(long lowerBound, string? wearableId)
    {
        lock (_gate)
        {
            // Under the gate, so a concurrent TakeTouched cannot swap the set between reading and adding.
            if (wearableId is not null)
            {
                _touched.Add(wearableId);
            }

            var count = _inFlightLowerBounds[lowerBound] - 1;
            if (count == 0)
            {
                _inFlightLowerBounds.Remove(lowerBound);
            }
            else
            {
                _inFlightLowerBounds[lowerBound] = count;
            }
        }
    }

    /// <summary>The highest position a checkpoint may take now: nothing before it is still in flight.</summary>
    public long SafePosition(Func<long> currentEnd)
    {
        ArgumentNullException.ThrowIfNull(currentEnd);
        lock (_gate)
        {
            var end = currentEnd();
            return _inFlightLowerBounds.Count == 0 ? end : Math.Min(end, _inFlightLowerBounds.First().Key);
        }
    }

    /// <summary>Takes the set of wearables touched since the last call.</summary>
    public ICollection<string> TakeTouched()
    {
        lock (_gate)
        {
            var taken = _touched;
            _touched = new HashSet<string>(StringComparer.Ordinal);
            return taken;
        }
    }

    /// <summary>Puts wearables back when their flush failed, so the next checkpoint retries them.</summary>
    public void Retouch(IEnumerable<string> wearableIds)
    {
        ArgumentNullException.ThrowIfNull(wearableIds);
        lock (_gate)
        {
            foreach (var id in wearableIds)
            {
                _touched.Add(id);
            }
        }
    }
}
