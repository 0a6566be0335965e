namespace Wearables.Twins.Messaging.Tests;

/// <summary>What only the embedded transport promises: it survives restarts, and it is bounded.</summary>
public sealed class EmbeddedTransportTests
{
    [Fact]
    public async Task QueuedAndInFlightMessagesSurviveARestart()
    {
        using var temp = new TempDirectory();
        var path = temp.File("queues.db");
        using (var before = Embedded.Create(path))
        {
            await before.EnsureSubscriptionAsync(new QueueSubscription("work") { VisibilityTimeout = TimeSpan.FromSeconds(1) });
            await before.PublishAsync(new OutgoingMessage("in-flight", "fever", "high", "{}"));
            await before.PublishAsync(new OutgoingMessage("queued", "fever", "high", "{}"));
            var taken = Assert.Single(await before.ReceiveAsync("work", 1, TimeSpan.Zero));
            Assert.Equal("in-flight", taken.MessageId);
        }

        using var after = Embedded.Create(path);
        var ids = new List<string>();
        while (ids.Count < 2)
        {
            var batch = await after.ReceiveAsync("work", 10, TimeSpan.FromSeconds(5));
            Assert.NotEmpty(batch);
            foreach (var m in batch)
            {
                ids.Add(m.MessageId);
                await after.AckAsync(m);
            }
        }

        Assert.Equal(["in-flight", "queued"], ids.Order());
    }

    [Fact]
    public async Task SubscriptionsSurviveARestart()
    {
        using var temp = new TempDirectory();
        var path = temp.File("queues.db");
        using (var before = Embedded.Create(path))
        {
            await before.EnsureSubscriptionAsync(new QueueSubscription("urgent") { Severities = ["high"] });
        }

        using var after = Embedded.Create(path);
        await after.PublishAsync(new OutgoingMessage("low-1", "fever", "low", "{}"));
        await after.PublishAsync(new OutgoingMessage("high-1", "fever", "high", "{}"));
        var got = Assert.Single(await after.ReceiveAsync("urgent", 10, TimeSpan.Zero));
        Assert.Equal("high-1", got.MessageId);
    }

    [Fact]
    public async Task PublishBeyondTheQueueBoundIsRefusedAndWritesNothing()
    {
        using var temp = new TempDirectory();
        using var transport = Embedded.Create(temp.File("queues.db"), o => o.MaxQueueDepth = 2);
        await transport.EnsureSubscriptionAsync(new QueueSubscription("small"));
        await transport.EnsureSubscriptionAsync(new QueueSubscription("other") { Kinds = ["fever"] });
        await transport.PublishAsync(new OutgoingMessage("1", "fever", "high", "{}"));
        await transport.PublishAsync(new OutgoingMessage("2", "fever", "high", "{}"));

        await Assert.ThrowsAsync<MessageQueueFullException>(() => transport.PublishAsync(new OutgoingMessage("3", "fever", "high", "{}")));

        Assert.Equal(2, (await transport.ReceiveAsync("other", 10, TimeSpan.Zero)).Count);
    }

    [Fact]
    public async Task WaitingReceiveWakesAsSoonAsAMessageIsPublished()
    {
        using var temp = new TempDirectory();
        using var transport = Embedded.Create(temp.File("queues.db"), o => o.PollInterval = TimeSpan.FromSeconds(20));
        await transport.EnsureSubscriptionAsync(new QueueSubscription("work"));
        var waiting = transport.ReceiveAsync("work", 1, TimeSpan.FromSeconds(20));

        await transport.PublishAsync(new OutgoingMessage("now", "fever", "high", "{}"));

        var got = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("now", Assert.Single(got).MessageId);
    }

    [Fact]
    public async Task ReceivingFromAnUndeclaredQueueFailsWithItsName()
    {
        using var temp = new TempDirectory();
        using var transport = Embedded.Create(temp.File("queues.db"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => transport.ReceiveAsync("nope", 1, TimeSpan.Zero));
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }
}
