using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wearables.Twins.Messaging;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Testing;
using Wearables.Twins.Workers.Alerts;
using Wearables.Twins.Workers.Hosting;
using static Wearables.Twins.Workers.Tests.Alerts.Escalations;

namespace Wearables.Twins.Workers.Tests.Alerts;

/// <summary>The escalation worker pages the contact a notice names, by email (into smtp4dev) and SMS, once per notice.</summary>
public sealed class EscalationHandlerTests : IAsyncLifetime
{
    private ServiceProvider? _services;
    private SmtpInbox? _inbox;
    private string _data = string.Empty;

    private CareTeamEscalationHandler Handler => ActivatorUtilities.CreateInstance<CareTeamEscalationHandler>(_services!);

    private string SmsFile => Path.Combine(_data, "notifications", "sms.jsonl");

    public async Task InitializeAsync()
    {
        var smtp = await LocalServers.SmtpAsync();
        _data = Directory.CreateTempSubdirectory("twins-escalations-").FullName;
        _inbox = new SmtpInbox(smtp);
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 15, 0, 0, TimeSpan.Zero)))
            .AddTwinsNotificationServices(NotificationFixture.SmtpConfiguration(smtp), _data)
            .BuildServiceProvider();
    }

    [Fact]
    public async Task TheContactGetsOneEmailAndOneTextPerNotice()
    {
        var contact = Contact(phone: "+5511999990001");
        var notice = Notice(contact);

        Assert.Equal(MessageOutcome.Done, await Handler.PageAsync(notice, default));
        Assert.Equal(MessageOutcome.Done, await Handler.PageAsync(notice, default)); // redelivered: pages nobody again

        var mail = Assert.Single(await _inbox!.WaitForAsync(contact.Email!));
        Assert.Equal("[Cardiology ward] Unacknowledged high alert: irregular rhythm, patient p-42", mail.Subject);
        Assert.Contains("Dr Ana,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Alert alert-7 of care team Cardiology ward has not been acknowledged in time. You are contact 1", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Opened: 2025-03-10 14:55 UTC", mail.Text, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", mail.Text, StringComparison.Ordinal);
        Assert.Contains("6 windows &lt;checked&gt;", mail.Html, StringComparison.Ordinal);

        var sms = Assert.Single(await File.ReadAllLinesAsync(SmsFile));
        using var line = JsonDocument.Parse(sms);
        Assert.Equal("+5511999990001", line.RootElement.GetProperty("to").GetString());
        Assert.Contains("alert alert-7", line.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherLevelOfTheSameAlertPagesAgain()
    {
        var contact = Contact();

        await Handler.PageAsync(Notice(contact, level: 1), default);
        await Handler.PageAsync(Notice(contact, level: 2), default);

        Assert.Equal(2, (await _inbox!.WaitForAsync(contact.Email!, 2)).Count);
    }

    [Fact]
    public async Task AContactWithNoAddressIsLoggedAndTheMessageFinished()
    {
        var outcome = await Handler.PageAsync(Notice(Contact(withEmail: false)), default);

        Assert.Equal(MessageOutcome.Done, outcome);
        Assert.False(File.Exists(SmsFile));
    }

    [Fact]
    public async Task AQueuedNoticeIsReadBackAndPaged()
    {
        var contact = Contact();
        var sent = CareTeamEscalationMessages.ToMessage(Notice(contact));
        var received = new ReceivedMessage("care-team-escalations", sent.MessageId, sent.Kind, sent.Severity, sent.Body, 1, "receipt");

        await Handler.HandleAsync(received, default);

        Assert.Single(await _inbox!.WaitForAsync(contact.Email!));
    }

    [Fact]
    public async Task APoisonMessageIsRefused()
    {
        var poison = new ReceivedMessage("care-team-escalations", "m-1", CareTeamEscalationMessages.Kind, CareTeamEscalationMessages.Severity,
            "{\"noticeId\": 5", 1, "receipt");
        var empty = poison with { Body = "{}" };

        await Assert.ThrowsAsync<InvalidEscalationMessageException>(async () => await Handler.HandleAsync(poison, default));
        await Assert.ThrowsAsync<InvalidEscalationMessageException>(async () => await Handler.HandleAsync(empty, default));
    }

    [Fact]
    public void NoticesReachOnlyTheEscalationQueue()
    {
        var settings = new CareTeamAlertOptions { MinimumSeverity = RecommendationSeverity.Info };
        var notice = CareTeamEscalationMessages.ToMessage(Notice(Contact()));
        var recommendation = RecommendationMessagesFor(Recommendation("p-1", "team-1"));

        Assert.True(CareTeamAlertsServiceCollectionExtensions.EscalationQueue(settings).Matches(notice.Kind, notice.Severity));
        Assert.False(CareTeamAlertsServiceCollectionExtensions.AlertQueue(settings).Matches(notice.Kind, notice.Severity));
        Assert.False(new QueueSubscription("notifications") { Severities = SeverityCodes.AtLeast(RecommendationSeverity.Info) }
            .Matches(notice.Kind, notice.Severity));
        Assert.True(CareTeamAlertsServiceCollectionExtensions.AlertQueue(settings).Matches(recommendation.Kind, recommendation.Severity));
        Assert.False(CareTeamAlertsServiceCollectionExtensions.EscalationQueue(settings).Matches(recommendation.Kind, recommendation.Severity));
    }

    public async Task DisposeAsync()
    {
        _inbox?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    private static OutgoingMessage RecommendationMessagesFor(Recommendation recommendation)
        => Messaging.Recommendations.RecommendationMessages.ToMessage(recommendation);
}
