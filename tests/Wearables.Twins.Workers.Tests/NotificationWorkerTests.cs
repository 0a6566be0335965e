using System.Text.Json;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Workers.Notifications.Contacts;

namespace Wearables.Twins.Workers.Tests;

/// <summary>The notification worker against a real SMTP server (smtp4dev).</summary>
public sealed class NotificationWorkerTests
{
    private static ContactPreferences Contact(string patientId, string email, string language = "en", string? phone = null,
        string timeZone = "America/Sao_Paulo", TimeOnly? quietStart = null, TimeOnly? quietEnd = null, params ContactChannel[] channels)
        => new(patientId, email, phone, channels.Length == 0 ? [ContactChannel.Email] : channels, language, timeZone, quietStart, quietEnd);

    [Fact]
    public async Task EnglishEmailArrivesFramedAsAScreeningSignal()
    {
        await using var f = await NotificationFixture.StartAsync();
        var email = NotificationFixture.UniqueAddress();
        await f.Contacts.UpsertAsync(Contact("p-en", email));

        var outcome = await f.Handler.NotifyAsync(NotificationFixture.Recommendation("p-en"), default);

        Assert.Equal(MessageOutcome.Done, outcome);
        var mail = Assert.Single(await f.Inbox.WaitForAsync(email));
        Assert.Equal("Screening signal: irregular heart rhythm", mail.Subject);
        Assert.Contains("This is a screening signal, not a diagnosis. Contact your care team", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Book an ECG with your care team.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Irregular rhythm in 4 of the last 6 windows <checked>", mail.Text, StringComparison.Ordinal);
        Assert.Contains("4 of the last 6 windows &lt;checked&gt;", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<checked>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortugueseSpeakerGetsTheEmailInBrazilianPortuguese()
    {
        await using var f = await NotificationFixture.StartAsync();
        var email = NotificationFixture.UniqueAddress();
        await f.Contacts.UpsertAsync(Contact("p-pt", email, language: "pt-BR"));

        await f.Handler.NotifyAsync(NotificationFixture.Recommendation("p-pt", RecommendationKinds.Hypertension), default);

        var mail = Assert.Single(await f.Inbox.WaitForAsync(email));
        Assert.Equal("Sinal de triagem: pressão arterial alta", mail.Subject);
        Assert.Contains("Este é um sinal de triagem, não um diagnóstico.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Este é um sinal de triagem, não um diagnóstico.", mail.Html, StringComparison.Ordinal);
        Assert.Contains("lang=\"pt-BR\"", mail.Html, StringComparison.Ordinal);
        // The engine's English free text is not mixed into a Portuguese message.
        Assert.DoesNotContain("Book an ECG", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Entre em contato com sua equipe de cuidado", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuietHoursInThePatientsTimeZoneDeferUntilTheyEnd()
    {
        await using var f = await NotificationFixture.StartAsync();
        var email = NotificationFixture.UniqueAddress();
        await f.Contacts.UpsertAsync(Contact("p-night", email, quietStart: new TimeOnly(22, 0), quietEnd: new TimeOnly(7, 0)));
        f.Time.SetUtcNow(new DateTimeOffset(2025, 3, 11, 2, 0, 0, TimeSpan.Zero)); // 23:00 in São Paulo (UTC−3)
        var recommendation = NotificationFixture.Recommendation("p-night");

        var outcome = await f.Handler.NotifyAsync(recommendation, default);

        Assert.Equal(TimeSpan.FromHours(8), outcome.DeferFor); // until 07:00 local = 10:00 UTC
        Assert.Empty(await f.Inbox.ForAsync(email));

        f.Time.SetUtcNow(new DateTimeOffset(2025, 3, 11, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(MessageOutcome.Done, await f.Handler.NotifyAsync(recommendation, default));
        Assert.Single(await f.Inbox.WaitForAsync(email));
    }

    [Fact]
    public async Task RecipientOverTheRateLimitWaitsForAFreeSlot()
    {
        await using var f = await NotificationFixture.StartAsync(maxPerRecipient: 2);
        var email = NotificationFixture.UniqueAddress();
        await f.Contacts.UpsertAsync(Contact("p-busy", email));

        Assert.Equal(MessageOutcome.Done, await f.Handler.NotifyAsync(NotificationFixture.Recommendation("p-busy", RecommendationKinds.Fever), default));
        f.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(MessageOutcome.Done, await f.Handler.NotifyAsync(NotificationFixture.Recommendation("p-busy", RecommendationKinds.Hypoxemia), default));
        f.Time.Advance(TimeSpan.FromMinutes(10));
        var third = NotificationFixture.Recommendation("p-busy", RecommendationKinds.Tachycardia);
        var outcome = await f.Handler.NotifyAsync(third, default);

        Assert.Equal(TimeSpan.FromMinutes(40), outcome.DeferFor); // the first send leaves the 1-hour window then
        Assert.Equal(2, (await f.Inbox.WaitForAsync(email, 2)).Count);

        f.Time.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(MessageOutcome.Done, await f.Handler.NotifyAsync(third, default));
        Assert.Equal(3, (await f.Inbox.WaitForAsync(email, 3)).Count);
    }

    [Fact]
    public async Task RedeliveredRecommendationSendsNothingTwice()
    {
        await using var f = await NotificationFixture.StartAsync();
        var email = NotificationFixture.UniqueAddress();
        await f.Contacts.UpsertAsync(Contact("p-twice", email));
        var recommendation = NotificationFixture.Recommendation("p-twice");

        await f.Handler.NotifyAsync(recommendation, default);
        await f.Handler.NotifyAsync(recommendation with { }, default);
        var escalated = NotificationFixture.Recommendation("p-twice", transition: RecommendationTransition.Escalated, sequence: 1);
        await f.Handler.NotifyAsync(escalated, default);

        var mails = await f.Inbox.WaitForAsync(email, 2);
        Assert.Equal(2, mails.Count);
        Assert.Single(mails, m => m.Subject.StartsWith("Screening signal: ", StringComparison.Ordinal));
        Assert.Single(mails, m => m.Subject.StartsWith("Screening signal needs attention", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SmsGoesToTheFileSinkInThePatientsLanguage()
    {
        await using var f = await NotificationFixture.StartAsync();
        await f.Contacts.UpsertAsync(Contact("p-sms", "unused@twins.test", language: "pt-BR", phone: "+5511912345678", channels: ContactChannel.Sms));

        await f.Handler.NotifyAsync(NotificationFixture.Recommendation("p-sms", RecommendationKinds.Fever, language: "pt-BR"), default);
        await f.Handler.NotifyAsync(NotificationFixture.Recommendation("p-sms", RecommendationKinds.Fever, language: "pt-BR"), default);

        var lines = await File.ReadAllLinesAsync(Path.Combine(f.DataDirectory, "notifications", "sms.jsonl"));
        var line = Assert.Single(lines);
        using var sms = JsonDocument.Parse(line);
        Assert.Equal("+5511912345678", sms.RootElement.GetProperty("to").GetString());
        Assert.Equal("pt-BR", sms.RootElement.GetProperty("language").GetString());
        var text = sms.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("Sinal de triagem: febre.", text, StringComparison.Ordinal);
        Assert.Contains("não diagnóstico", text, StringComparison.Ordinal);
        Assert.Empty(await f.Inbox.ForAsync("unused@twins.test"));
    }

    [Fact]
    public async Task OptedOutPatientGetsNothing()
    {
        await using var f = await NotificationFixture.StartAsync();
        var email = NotificationFixture.UniqueAddress();
        await f.Contacts.UpsertAsync(Contact("p-out", email));
        Assert.True(await f.Contacts.SetOptOutAsync("p-out", optedOut: true));

        Assert.Equal(MessageOutcome.Done, await f.Handler.NotifyAsync(NotificationFixture.Recommendation("p-out"), default));

        Assert.True((await f.Contacts.GetAsync("p-out"))!.OptedOut);
        Assert.Empty(await f.Inbox.ForAsync(email));
    }

    [Fact]
    public async Task InvalidContactPreferencesAreRefusedWithEveryProblem()
    {
        await using var f = await NotificationFixture.StartAsync();
        var bad = new ContactPreferences("p-bad", "not-an-email", "0123", [ContactChannel.Email, ContactChannel.Sms], "en", "Mars/Olympus",
            new TimeOnly(22, 0), null);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => f.Contacts.UpsertAsync(bad));

        Assert.Contains("email", error.Message, StringComparison.Ordinal);
        Assert.Contains("E.164", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
        Assert.Contains("quietHoursEnd", error.Message, StringComparison.Ordinal);
        Assert.Null(await f.Contacts.GetAsync("p-bad"));
    }
}
