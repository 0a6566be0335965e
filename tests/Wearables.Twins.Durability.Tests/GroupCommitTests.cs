using static Wearables.Twins.Durability.Tests.TestLogs;

namespace Wearables.Twins.Durability.Tests;

public sealed class GroupCommitTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Concurrent_appends_from_200_tasks_all_complete_and_read_back_exactly_once()
    {
        await using var log = await OpenAsync(Options(_dir.Path, segmentSizeBytes: 1024, maxRecordBytes: 100));

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () => (Index: i, Position: await log.AppendAsync(Payload(i))))));

        Assert.Equal(200, results.Select(r => r.Position).Distinct().Count());
        var records = await ReadAllAsync(log);
        Assert.Equal(Enumerable.Range(0, 200), records.Select(IndexOf).Order());
        var positionByIndex = results.ToDictionary(r => r.Index, r => r.Position);
        Assert.All(records, r => Assert.Equal(positionByIndex[IndexOf(r)], r.Position));
        Assert.All(records, r => Assert.Equal(Payload(IndexOf(r)), r.Payload.ToArray()));
        Assert.True(SegmentStarts(_dir.Path).Length > 1, "the test should cross segment rolls");
    }

    [Fact]
    public async Task Appenders_queued_during_a_commit_share_one_fsync()
    {
        // The writer is held until all 200 appends are queued, so the batching does not depend on timing.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var log = await OpenAsync(Options(_dir.Path), hooks: new TestHooks { WriterGate = gate.Task });

        var appends = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Factory.StartNew(
            () => log.AppendAsync(Payload(i)).AsTask(), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default)));
        Assert.All(appends, a => Assert.False(a.IsCompleted));

        gate.SetResult();
        await Task.WhenAll(appends);

        Assert.Equal(1, log.FlushCount);
        Assert.Equal(200, (await ReadAllAsync(log)).Count);
    }

    [Fact]
    public async Task A_group_commit_holds_at_most_MaxBatchBytes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // 92-byte payloads make 100-byte frames: two fit in 250 bytes, a third does not.
        await using var log = await OpenAsync(
            Options(_dir.Path, maxRecordBytes: 92, maxBatchBytes: 250), hooks: new TestHooks { WriterGate = gate.Task });

        var appends = Enumerable.Range(0, 10).Select(i => log.AppendAsync(Payload(i, size: 92)).AsTask()).ToArray();
        gate.SetResult();
        await Task.WhenAll(appends);

        Assert.Equal(5, log.FlushCount);
        Assert.Equal(Enumerable.Range(0, 10), (await ReadAllAsync(log)).Select(IndexOf));
    }

    [Fact]
    public async Task Sequential_appends_each_get_their_own_fsync()
    {
        await using var log = await OpenAsync(Options(_dir.Path));

        for (var i = 0; i < 3; i++)
        {
            await log.AppendAsync(Payload(i));
            Assert.Equal(i + 1, log.FlushCount);
        }
    }
}
