using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Workers.Alerts;
using static Wearables.Twins.Workers.Tests.Alerts.Escalations;

namespace Wearables.Twins.Workers.Tests.Alerts;

/// <summary>
/// Recommendations on the topic become alerts in the care team's inbox; an alert nobody acknowledges pages the first
/// contact of the chain by email (smtp4dev) and SMS, through the escalation queue.
/// </summary>
public sealed class CareTeamAlertWorkerTests(AlertsHostFixture fixture) : IClassFixture<AlertsHostFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnUnacknowledgedAlertEmailsAndTextsTheFirstContact()
    {
        var teamId = $"team-{Guid.NewGuid():N}";
        var contact = Contact(phone: "+5511999990002");
        var deadline = TimeSpan.FromSeconds(2);
        await fixture.Grains.GetGrain<ICareTeamGrain>(teamId).DefineAsync(
            new CareTeamDefinition("Cardiology ward", [contact], new AcknowledgeDeadlines(deadline, deadline, deadline)));
        var recommendation = Recommendation("p-e2e", teamId);
        var publisher = fixture.Services.GetRequiredService<IRecommendationPublisher>();

        await publisher.PublishAsync(recommendation);
        await publisher.PublishAsync(recommendation); // the twin's outbox re-sends after a crash

        var mail = Assert.Single(await fixture.Inbox.WaitForAsync(contact.Email!));
        Assert.Equal("[Cardiology ward] Unacknowledged high alert: irregular rhythm, patient p-e2e", mail.Subject);
        var page = await fixture.Grains.GetGrain<ICareTeamInboxGrain>(teamId).ListAsync(null, 10);
        var alert = Assert.Single(page.Alerts);
        Assert.Equal((1, contact.Id), (alert.EscalationLevel, alert.Escalations[0].ContactId));
        Assert.Contains($"Alert {alert.AlertId} of care team Cardiology ward", mail.Text, StringComparison.Ordinal);

        var text = await SmsToAsync(contact.Phone!);
        Assert.Contains(alert.AlertId, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecommendationWithoutACareTeamGoesToTheDefaultTeam()
    {
        var patientId = $"p-{Guid.NewGuid():N}";

        var outcome = await OpenAsync(Recommendation(patientId, careTeamId: null));

        Assert.Equal(MessageOutcome.Done, outcome);
        var page = await fixture.Grains.GetGrain<ICareTeamInboxGrain>(AlertsHostFixture.DefaultTeam).ListAsync(AlertStatus.Open, 500);
        Assert.Single(page.Alerts, a => a.PatientId == patientId);
    }

    [Fact]
    public async Task ARecommendationBelowTheThresholdOpensNothing()
    {
        var teamId = $"team-{Guid.NewGuid():N}";

        await OpenAsync(Recommendation("p-low", teamId, RecommendationSeverity.Low));

        Assert.Empty((await fixture.Grains.GetGrain<ICareTeamInboxGrain>(teamId).ListAsync(null, 10)).Alerts);
    }

    [Fact]
    public async Task WithNoCareTeamAndNoDefaultTheRecommendationIsSkippedAndLogged()
    {
        var log = new RecordingLogger<CareTeamAlertHandler>();
        var handler = new CareTeamAlertHandler(fixture.Grains, Options.Create(new CareTeamAlertOptions()), log);

        var outcome = await handler.OpenAsync(Recommendation("p-nobody", careTeamId: null), default);

        Assert.Equal(MessageOutcome.Done, outcome);
        Assert.Contains(6202, log.EventIds);
    }

    private async Task<MessageOutcome> OpenAsync(Recommendation recommendation)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CareTeamAlertHandler>().OpenAsync(recommendation, default);
    }

    /// <summary>The SMS file sink has no event to await; its line appears right after the email was sent.</summary>
    private async Task<string> SmsToAsync(string phone)
    {
        var deadline = DateTimeOffset.UtcNow + Within;
        while (true)
        {
            if (File.Exists(fixture.SmsFile))
            {
                foreach (var line in await File.ReadAllLinesAsync(fixture.SmsFile))
                {
                    using var record = JsonDocument.Parse(line);
                    if (record.RootElement.GetProperty("to").GetString() == phone)
                    {
                        return record.RootElement.GetProperty("text").GetString()!;
                    }
                }
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"No SMS to {phone} within {Within}.");
            await Task.Delay(100);
        }
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<int> _events = new();

        public IEnumerable<int> EventIds => _events;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => _events.Enqueue(eventId.Id);
    }
}
