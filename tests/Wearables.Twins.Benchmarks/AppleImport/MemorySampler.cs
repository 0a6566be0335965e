using System.Diagnostics;

namespace Wearables.Twins.Benchmarks.AppleImport;

/// <summary>
/// Samples this process's working set and <see cref="GC.GetTotalMemory(bool)"/> every 100 ms on a timer and keeps
/// the highest of each; the growth over the baseline taken at construction is what one run costs in memory.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private long _maxWorkingSet;
    private long _maxHeap;
    private bool _stopped;

    public MemorySampler()
    {
        BaselineWorkingSet = WorkingSet();
        BaselineHeap = GC.GetTotalMemory(false);
        _maxWorkingSet = BaselineWorkingSet;
        _maxHeap = BaselineHeap;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, Interval);
    }

    public long BaselineWorkingSet { get; }

    public long BaselineHeap { get; }

    public long WorkingSetGrowth
    {
        get
        {
            lock (_gate)
            {
                return _maxWorkingSet - BaselineWorkingSet;
            }
        }
    }

    public long HeapGrowth
    {
        get
        {
            lock (_gate)
            {
                return _maxHeap - BaselineHeap;
            }
        }
    }

    /// <summary>Stops the timer after one last sample, so the figures are final.</summary>
    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using (var done = new ManualResetEvent(false))
        {
            _timer.Dispose(done);
            done.WaitOne();
        }

        Sample();
    }

    private void Sample()
    {
        var workingSet = WorkingSet();
        var heap = GC.GetTotalMemory(false);
        lock (_gate)
        {
            _maxWorkingSet = Math.Max(_maxWorkingSet, workingSet);
            _maxHeap = Math.Max(_maxHeap, heap);
        }
    }

    private static long WorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
