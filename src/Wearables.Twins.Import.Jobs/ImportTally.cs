namespace Wearables.Twins.Import.Jobs;

/// <summary>
/// The running counts of one import. Updated by the single import loop and read by status requests, so
/// counters are read with Volatile/Interlocked and the reason table under a lock.
/// </summary>
internal sealed class ImportTally
{
    private const int ExamplesPerReason = 5;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _byReason = new(StringComparer.Ordinal);
    private readonly List<ImportRejection> _examples = [];
    private long _records;
    private long _imported;
    private long _duplicates;
    private long _rejected;
    private long _bytesRead;

    public long Records => Volatile.Read(ref _records);

    public long Imported => Volatile.Read(ref _imported);

    public long Duplicates => Volatile.Read(ref _duplicates);

    public long RejectedCount => Volatile.Read(ref _rejected);

    public long BytesRead => Volatile.Read(ref _bytesRead);

    public void Read(long records = 1) => Interlocked.Add(ref _records, records);

    public void BytesReadNow(long position) => Volatile.Write(ref _bytesRead, position);

    public void Stored(long imported, long duplicates)
    {
        Interlocked.Add(ref _imported, imported);
        Interlocked.Add(ref _duplicates, duplicates);
    }

    public void Reject(string reason, string? detail)
    {
        Interlocked.Increment(ref _rejected);
        lock (_gate)
        {
            var count = _byReason.GetValueOrDefault(reason) + 1;
            _byReason[reason] = count;
            if (count <= ExamplesPerReason && detail is not null)
            {
                _examples.Add(new ImportRejection(reason, detail));
            }
        }
    }

    public (IReadOnlyDictionary<string, long> ByReason, IReadOnlyList<ImportRejection> Examples) Rejections()
    {
        lock (_gate)
        {
            return (new Dictionary<string, long>(_byReason, StringComparer.Ordinal), [.. _examples]);
        }
    }
}
