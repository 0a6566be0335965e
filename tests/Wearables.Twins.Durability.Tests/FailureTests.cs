using Microsoft.Extensions.Logging;
using static Wearables.Twins.Durability.Tests.TestLogs;

namespace Wearables.Twins.Durability.Tests;

public sealed class FailureTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_failed_fsync_fails_its_appends_and_the_log_refuses_later_ones()
    {
        var diskError = new IOException("simulated fsync failure");
        var logger = new CapturingLogger();
        var log = await OpenAsync(Options(_dir.Path), logger, new TestHooks { BeforeFlush = () => throw diskError });
        await using (log)
        {
            var failed = await Assert.ThrowsAsync<IOException>(async () => await log.AppendAsync(Payload(0)));
            Assert.Same(diskError, failed);

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await log.AppendAsync(Payload(1)));
            Assert.Same(diskError, refused.InnerException);
            Assert.Equal(0, log.EndPosition);
        }

        Assert.Equal(LogLevel.Critical, Assert.Single(logger.WithEventId(2004)).Level);

        // A restart recovers: the log opens and takes appends again.
        await using var reopened = await OpenAsync(Options(_dir.Path));
        var position = await reopened.AppendAsync(Payload(2));
        Assert.Equal(position, (await ReadAllAsync(reopened)).Single(r => IndexOf(r) == 2).Position);
    }

    [Fact]
    public async Task An_append_cancelled_while_queued_is_never_written()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var log = await OpenAsync(Options(_dir.Path), hooks: new TestHooks { WriterGate = gate.Task });
        using var cts = new CancellationTokenSource();

        var first = log.AppendAsync(Payload(0)).AsTask();
        var cancelled = log.AppendAsync(Payload(1), cts.Token).AsTask();
        var third = log.AppendAsync(Payload(2)).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.SetResult();
        await Task.WhenAll(first, third);

        Assert.Equal([0, 2], (await ReadAllAsync(log)).Select(IndexOf));
        Assert.Equal(HeaderSize + 20, await third);
    }

    [Fact]
    public async Task An_already_cancelled_append_writes_nothing()
    {
        await using var log = await OpenAsync(Options(_dir.Path));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await log.AppendAsync(Payload(0), new CancellationToken(canceled: true)));

        Assert.Equal(0, log.EndPosition);
        Assert.Equal(0, log.FlushCount);
    }

    [Fact]
    public async Task Dispose_writes_every_queued_append_before_closing()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = await OpenAsync(Options(_dir.Path), hooks: new TestHooks { WriterGate = gate.Task });
        var appends = Enumerable.Range(0, 5).Select(i => log.AppendAsync(Payload(i)).AsTask()).ToArray();

        var disposing = log.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        gate.SetResult();
        await disposing;

        Assert.All(appends, a => Assert.True(a.IsCompletedSuccessfully));
        await using var reopened = await OpenAsync(Options(_dir.Path));
        Assert.Equal([0, 1, 2, 3, 4], (await ReadAllAsync(reopened)).Select(IndexOf));
    }

    [Fact]
    public async Task Appends_after_dispose_are_refused()
    {
        var log = await OpenAsync(Options(_dir.Path));
        await log.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await log.AppendAsync(Payload(0)));
    }

    [Fact]
    public async Task Checkpoints_and_reads_after_dispose_are_refused()
    {
        var log = await OpenAsync(Options(_dir.Path));
        await log.AppendAsync(Payload(0));
        await log.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await log.CheckpointAsync(0));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => ReadAllAsync(log));
    }

    [Fact]
    public async Task A_second_open_of_the_same_folder_is_refused_while_the_first_is_open()
    {
        await using (var log = await OpenAsync(Options(_dir.Path)))
        {
            await Assert.ThrowsAsync<IOException>(() => OpenAsync(Options(_dir.Path)));
        }

        await using var afterClose = await OpenAsync(Options(_dir.Path));
        Assert.Equal(0, afterClose.EndPosition);
    }
}
