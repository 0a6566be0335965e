namespace Wearables.Twins.Messaging.Embedded;

/// <summary>Wakes every waiting receiver at once when something in this process made messages visible.</summary>
internal sealed class WakeUpSignal
{
    private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next <see cref="Pulse"/>; take it before looking, so no pulse is missed.</summary>
    public Task Next => Volatile.Read(ref _current).Task;

    public void Pulse()
        => Interlocked.Exchange(ref _current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
