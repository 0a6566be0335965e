namespace Wearables.Twins.Ingest.Durability;

/// <summary>
/// Knows which log records are durable but not yet applied to twins, and which wearables received data
/// since the last checkpoint (with the incarnation of the twin activations that took it). A checkpoint may only
/// move past records that are applied, and only after the twins that took them have persisted their state —
/// in the same activations: a twin re-activated in between (its silo died) lost what it held in memory.
/// </summary>
public sealed class ApplyTracker
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, int> _inFlightLowerBounds = [];
    private Dictionary<string, long> _touched = new(StringComparer.Ordinal);
    private bool _incarnationChanged;

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

    /// <summary>
    /// Marks an append as applied (or abandoned) and remembers the wearable it touched, with the incarnation
    /// the twins answered (0 when unknown).
    /// </summary>
    public void EndAppend(long lowerBound, string? wearableId, long incarnation)
    {
        lock (_gate)
        {
            // Under the gate, so a concurrent TakeTouched cannot swap the set between reading and adding.
            if (wearableId is not null)
            {
                TouchUnderGate(wearableId, incarnation);
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

    /// <summary>
    /// Takes the wearables touched since the last call with the incarnation that took their samples, and whether
    /// any twin answered two different incarnations meanwhile (samples lost between two applies).
    /// </summary>
    public (IReadOnlyDictionary<string, long> Touched, bool IncarnationChanged) TakeTouched()
    {
        lock (_gate)
        {
            var taken = (_touched, _incarnationChanged);
            _touched = new Dictionary<string, long>(StringComparer.Ordinal);
            _incarnationChanged = false;
            return taken;
        }
    }

    /// <summary>Records that a wearable's twins took samples in the given incarnation (0: unknown), outside any append.</summary>
    public void Touch(string wearableId, long incarnation)
    {
        lock (_gate)
        {
            TouchUnderGate(wearableId, incarnation);
        }
    }

    /// <summary>Puts wearables back when their flush failed, so the next checkpoint retries them.</summary>
    public void Retouch(IEnumerable<KeyValuePair<string, long>> wearables)
    {
        ArgumentNullException.ThrowIfNull(wearables);
        lock (_gate)
        {
            foreach (var (id, incarnation) in wearables)
            {
                TouchUnderGate(id, incarnation);
            }
        }
    }

    private void TouchUnderGate(string wearableId, long incarnation)
    {
        if (_touched.TryGetValue(wearableId, out var known) && known != 0 && incarnation != 0 && known != incarnation)
        {
            _incarnationChanged = true;
        }

        if (known == 0 || !_touched.ContainsKey(wearableId))
        {
            _touched[wearableId] = incarnation;
        }
    }
}
