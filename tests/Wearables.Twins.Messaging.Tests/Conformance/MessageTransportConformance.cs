using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Messaging.Hosting;

namespace Wearables.Twins.Messaging.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="IMessageTransport"/> must have. Each test gets its own isolated transport,
/// and its own kinds, so tests never see each other's messages.
/// </summary>
public abstract class MessageTransportConformance
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    protected abstract TransportUnderTest CreateTransport();

    private static string UniqueKind() => "k" + Guid.NewGuid().ToString("N")[..10];

    private static OutgoingMessage Message(string kind, string severity = "high", string? id = null)
        => new(id ?? Guid.NewGuid().ToString("N"), kind, severity, $$"""{"kind":"{{kind}}","severity":"{{severity}}"}""");

    private static async Task<ReceivedMessage> ReceiveOneAsync(IMessageTransport transport, string queue, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? Generous);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var batch = await transport.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(2));
            if (batch.Count > 0)
            {
                return batch[0];
            }
        }

        throw new TimeoutException($"Nothing arrived on {queue}.");
    }

    [Fact]
    public async Task PublishedMessageReachesEverySubscribedQueue()
    {
        using var under = CreateTransport();
        var t = under.Transport;
        var kind = UniqueKind();
        await t.EnsureSubscriptionAsync(new QueueSubscription("alpha") { Kinds = [kind] });
        await t.EnsureSubscriptionAsync(new QueueSubscription("beta") { Kinds = [kind] });

        var sent = Message(kind, "medium");
        await t.PublishAsync(sent);

        foreach (var queue in new[] { "alpha", "beta" })
        {
            var got = await ReceiveOneAsync(t, queue);
            Assert.Equal(sent.MessageId, got.MessageId);
            Assert.Equal(kind, got.Kind);
            Assert.Equal("medium", got.Severity);
            Assert.Equal(sent.Body, got.Body);
            Assert.Equal(1, got.ReceiveCount);
            await t.AckAsync(got);
        }
    }

    [Fact]
    public async Task QueuesReceiveOnlyWhatTheirKindAndSeverityFiltersMatch()
    {
        using var under = CreateTransport();
        var t = under.Transport;
        var (rhythm, fever) = (UniqueKind(), UniqueKind());
        await t.EnsureSubscriptionAsync(new QueueSubscription("rhythm") { Kinds = [rhythm] });
        await t.EnsureSubscriptionAsync(new QueueSubscription("urgent") { Kinds = [rhythm, fever], Severities = ["high"] });

        var rhythmLow = Message(rhythm, "low");
        var feverHigh = Message(fever, "high");
        var feverLow = Message(fever, "low");
        await t.PublishAsync(rhythmLow);
        await t.PublishAsync(feverHigh);
        await t.PublishAsync(feverLow);

        var onRhythm = await ReceiveOneAsync(t, "rhythm");
        var onUrgent = await ReceiveOneAsync(t, "urgent");
        Assert.Equal(rhythmLow.MessageId, onRhythm.MessageId);
        Assert.Equal(feverHigh.MessageId, onUrgent.MessageId);
        await t.AckAsync(onRhythm);
        await t.AckAsync(onUrgent);

        Assert.Empty(await t.ReceiveAsync("rhythm", 10, Short));
        Assert.Empty(await t.ReceiveAsync("urgent", 10, Short));
    }

    [Fact]
    public async Task UnacknowledgedMessageIsHiddenThenRedeliveredAfterTheVisibilityTimeout()
    {
        using var under = CreateTransport();
        var t = under.Transport;
        var kind = UniqueKind();
        await t.EnsureSubscriptionAsync(new QueueSubscription("work") { Kinds = [kind], VisibilityTimeout = TimeSpan.FromSeconds(2) });
        var sent = Message(kind);
        await t.PublishAsync(sent);

        var first = await ReceiveOneAsync(t, "work");
        Assert.Empty(await t.ReceiveAsync("work", 10, TimeSpan.Zero));

        var again = await ReceiveOneAsync(t, "work");
        Assert.Equal(sent.MessageId, again.MessageId);
        Assert.Equal(first.ReceiveCount + 1, again.ReceiveCount);
        await t.AckAsync(again);
    }

    [Fact]
    public async Task AcknowledgedMessageIsNeverRedelivered()
    {
        using var under = CreateTransport();
        var t = under.Transport;
        var kind = UniqueKind();
        await t.EnsureSubscriptionAsync(new QueueSubscription("work") { Kinds = [kind], VisibilityTimeout = Short });
        await t.PublishAsync(Message(kind));

        await t.AckAsync(await ReceiveOneAsync(t, "work"));

        Assert.Empty(await t.ReceiveAsync("work", 10, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task ReleasedMessageComesBackAfterItsDelay()
    {
        using var under = CreateTransport();
        var t = under.Transport;
        var kind = UniqueKind();
        await t.EnsureSubscriptionAsync(new QueueSubscription("work") { Kinds = [kind], VisibilityTimeout = TimeSpan.FromMinutes(5) });
        var sent = Message(kind);
        await t.PublishAsync(sent);

        await t.ReleaseAsync(await ReceiveOneAsync(t, "work"), TimeSpan.FromSeconds(1));

        var again = await ReceiveOneAsync(t, "work", TimeSpan.FromSeconds(10));
        Assert.Equal(sent.MessageId, again.MessageId);
        Assert.Equal(2, again.ReceiveCount);
    }

    [Fact]
    public async Task PoisonMessageLandsInTheDeadLetterQueueWhileTheRestKeepsFlowing_AndRedriveBringsItBack()
    {
        using var under = CreateTransport();
        var t = under.Transport;
        var kind = UniqueKind();
        await t.EnsureSubscriptionAsync(new QueueSubscription("work") { Kinds = [kind], VisibilityTimeout = TimeSpan.FromSeconds(30), MaxReceiveCount = 2 });
        var poison = Message(kind, id: "poison-" + kind);
        await t.PublishAsync(poison);

        for (var receive = 1; receive <= 2; receive++)
        {
            var got = await ReceiveOneAsync(t, "work");
            Assert.Equal(poison.MessageId, got.MessageId);
            await t.ReleaseAsync(got, TimeSpan.Zero);
        }

        var healthy = Message(kind, id: "healthy-" + kind);
        await t.PublishAsync(healthy);
        var next = await ReceiveOneAsync(t, "work");
        Assert.Equal(healthy.MessageId, next.MessageId);
        await t.AckAsync(next);
        Assert.Empty(await t.ReceiveAsync("work", 10, Short));

        var dead = Assert.Single(await t.PeekDeadLettersAsync("work", 10));
        Assert.Equal(poison.MessageId, dead.MessageId);
        Assert.Equal(kind, dead.Kind);
        Assert.Equal(poison.Body, dead.Body);
        Assert.Single(await t.PeekDeadLettersAsync("work", 10));

        Assert.Equal(1, await t.RedriveDeadLettersAsync("work"));
        Assert.Empty(await t.PeekDeadLettersAsync("work", 10));
        var redriven = await ReceiveOneAsync(t, "work");
        Assert.Equal(poison.MessageId, redriven.MessageId);
        Assert.Equal(kind, redriven.Kind);
        await t.AckAsync(redriven);
    }

    [Fact]
    public async Task ConsumerHandlesARedeliveredMessageIdOnlyOnce()
    {
        using var under = CreateTransport();
        using var temp = new TempDirectory();
        var kind = UniqueKind();
        var subscription = new QueueSubscription("consumer") { Kinds = [kind], VisibilityTimeout = TimeSpan.FromSeconds(5) };
        var probe = new HandlerProbe();
        using var host = ConsumerHost(under.Transport, temp, subscription, probe);
        await host.StartAsync();

        var first = Message(kind, id: "rec-1");
        await under.Transport.PublishAsync(first);
        Assert.Equal("rec-1", (await probe.NextAsync(Generous)).MessageId);

        // The outbox sends the same recommendation again (e.g. after a crash), then a new one.
        await under.Transport.PublishAsync(first with { });
        await under.Transport.PublishAsync(Message(kind, id: "rec-2"));
        Assert.Equal("rec-2", (await probe.NextAsync(Generous)).MessageId);

        await host.StopAsync();
        Assert.Equal(1, probe.Calls["rec-1"]);
        Assert.False(probe.Handled.Reader.TryRead(out _));
        Assert.Empty(await under.Transport.ReceiveAsync("consumer", 10, TimeSpan.Zero));
    }

    [Fact]
    public async Task CopiesOfOneMessageIdArrivingTogetherAreHandledOnce()
    {
        using var under = CreateTransport();
        using var temp = new TempDirectory();
        var kind = UniqueKind();
        var subscription = new QueueSubscription("dupes") { Kinds = [kind], VisibilityTimeout = TimeSpan.FromSeconds(5) };
        await under.Transport.EnsureSubscriptionAsync(subscription);
        await under.Transport.PublishAsync(Message(kind, id: "same"));
        await under.Transport.PublishAsync(Message(kind, id: "same"));
        await under.Transport.PublishAsync(Message(kind, id: "same"));
        var probe = new HandlerProbe { Behaviour = (_, ct) => Task.Delay(300, ct) };
        using var host = ConsumerHost(under.Transport, temp, subscription, probe);
        await host.StartAsync();

        // Copies received in the same batch would all have entered the handler before the first finished.
        Assert.Equal("same", (await probe.NextAsync(Generous)).MessageId);
        await under.Transport.PublishAsync(Message(kind, id: "after"));
        Assert.Equal("after", (await probe.NextAsync(Generous)).MessageId);
        await host.StopAsync();
        Assert.Equal(1, probe.Calls["same"]);
    }

    [Fact]
    public async Task WorkerCrashMidMessageLosesNothing()
    {
        using var under = CreateTransport();
        using var temp = new TempDirectory();
        var kind = UniqueKind();
        var subscription = new QueueSubscription("crashy") { Kinds = [kind], VisibilityTimeout = TimeSpan.FromSeconds(2) };

        var crashing = new HandlerProbe();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        crashing.Behaviour = async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };
        using (var doomed = ConsumerHost(under.Transport, temp, subscription, crashing))
        {
            await doomed.StartAsync();
            await under.Transport.PublishAsync(Message(kind, id: "in-flight"));
            await started.Task.WaitAsync(Generous);
            await doomed.StopAsync();
        }

        Assert.False(crashing.Handled.Reader.TryRead(out _));
        var survivor = new HandlerProbe();
        using var replacement = ConsumerHost(under.Transport, temp, subscription, survivor);
        await replacement.StartAsync();
        var redelivered = await survivor.NextAsync(Generous);
        await replacement.StopAsync();

        Assert.Equal("in-flight", redelivered.MessageId);
        Assert.True(redelivered.ReceiveCount >= 2);
    }

    [Fact]
    public async Task ConsumerRetriesAFailingMessageWithBackoffThenDeadLettersIt()
    {
        using var under = CreateTransport();
        using var temp = new TempDirectory();
        var kind = UniqueKind();
        var subscription = new QueueSubscription("failing") { Kinds = [kind], VisibilityTimeout = TimeSpan.FromSeconds(30), MaxReceiveCount = 3 };
        var probe = new HandlerProbe
        {
            Behaviour = (m, _) => m.MessageId.StartsWith("bad", StringComparison.Ordinal)
                ? throw new InvalidOperationException("cannot handle this one")
                : Task.CompletedTask,
        };
        using var host = ConsumerHost(under.Transport, temp, subscription, probe);
        await host.StartAsync();

        await under.Transport.PublishAsync(Message(kind, id: "bad-1"));
        await under.Transport.PublishAsync(Message(kind, id: "good-1"));
        Assert.Equal("good-1", (await probe.NextAsync(Generous)).MessageId);

        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        IReadOnlyList<DeadLetter> dead = [];
        while (dead.Count == 0 && DateTimeOffset.UtcNow < deadline)
        {
            // The dead-letter move happens on a receive, which the running consumer makes; poll the DLQ for it.
            await Task.Delay(200);
            dead = await under.Transport.PeekDeadLettersAsync("failing", 10);
        }

        await under.Transport.PublishAsync(Message(kind, id: "good-2"));
        Assert.Equal("good-2", (await probe.NextAsync(Generous)).MessageId);
        await host.StopAsync();

        Assert.Equal("bad-1", Assert.Single(dead).MessageId);
        Assert.Equal(3, probe.Calls["bad-1"]);
    }

    private static IHost ConsumerHost(IMessageTransport transport, TempDirectory temp, QueueSubscription subscription, HandlerProbe probe)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(transport);
        builder.Services.AddSingleton<IProcessedMessageStore>(new SqliteProcessedMessageStore(
            Options.Create(new ProcessedMessageStoreOptions { DatabasePath = temp.File("processed.db") })));
        builder.Services.AddSingleton(probe);
        builder.Services.AddMessageConsumer<ProbeHandler>(subscription, o =>
        {
            o.ReceiveWait = TimeSpan.FromSeconds(1);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(500);
        });
        return builder.Build();
    }
}
