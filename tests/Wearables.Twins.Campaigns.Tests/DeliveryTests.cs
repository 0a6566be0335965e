using System.Text.Json;
using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Campaigns.Delivery;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Testing;
using Wearables.Twins.Workers.Notifications.Sms;
using static Wearables.Twins.Campaigns.Tests.Samples;

namespace Wearables.Twins.Campaigns.Tests;

[Collection(CampaignClusterCollection.Name)]
public sealed class DeliveryTests(CampaignCluster cluster)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_campaign_email_reaches_the_patient_in_their_language_with_the_opt_out_link()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster, smtp: true);
        using var inbox = new SmtpInbox(harness.Smtp!);
        var patient = Unique("maria");
        await harness.WriteHighSystolicAsync(patient);
        var address = await harness.AddContactAsync(patient, language: "pt-BR");
        await harness.ConsentAsync(patient);
        var id = Unique("email");
        await harness.DefineAsync(Campaign(id));

        await harness.RunNowAsync(id);
        var outcome = Assert.Single(await harness.DeliverQueuedAsync()).Outcome;
        var mail = Assert.Single(await inbox.WaitForAsync(address));

        Assert.Equal(MessageOutcome.Done, outcome);
        Assert.Equal("Pressure check: hora de uma consulta", mail.Subject);
        var link = $"https://portal.twins.test/opt-out?campaign={id}&patient={patient}";
        Assert.Contains("Sua pressão ficou alta em vários dias.", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"Para não receber mais, acesse {link}", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\">", mail.Html, StringComparison.Ordinal);
        Assert.Equal(1, (await harness.StatusAsync(id)).Counts.Messaged);
    }

    [Fact]
    public async Task A_redelivered_campaign_message_sends_one_email()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster, smtp: true, settings: new Dictionary<string, string?>
        {
            ["Twins:Campaigns:DeliveryConcurrency"] = "1",
        });
        using var inbox = new SmtpInbox(harness.Smtp!);
        var (patient, sentinel) = (Unique("once"), Unique("sentinel"));
        await harness.WriteHighSystolicAsync(patient);
        var address = await harness.AddContactAsync(patient);
        var sentinelAddress = await harness.AddContactAsync(sentinel);
        await harness.ConsentAsync(patient);
        await harness.ConsentAsync(sentinel);
        var id = Unique("redelivery");
        await harness.DefineAsync(Campaign(id));
        await harness.RunNowAsync(id);
        var received = Assert.Single(await harness.TakeQueuedAsync());

        // Delivered, then delivered again as if the process died before acknowledging it (the consumer's
        // processed-id store never saw it): the engagement grain knows it went out.
        Assert.Equal(MessageOutcome.Done, await harness.Handler.HandleAsync(received, CancellationToken.None));
        Assert.Equal(MessageOutcome.Done, await harness.Handler.HandleAsync(received, CancellationToken.None));
        await harness.Transport.AckAsync(received);

        // Two more copies on the topic (publishing is at least once too), through the consumer host as the service
        // runs it; a message to another patient queued behind them shows when they have been handled.
        var message = CampaignMessageCodec.Read(received);
        await harness.DeliveryConsumer.StartAsync(CancellationToken.None);
        try
        {
            await harness.Transport.PublishAsync(CampaignMessageCodec.ToOutgoing(message));
            await harness.Transport.PublishAsync(CampaignMessageCodec.ToOutgoing(message));
            var after = message with
            {
                MessageId = CampaignMessageCodec.MessageId(id, "manual", sentinel),
                PatientId = sentinel,
            };
            await harness.Transport.PublishAsync(CampaignMessageCodec.ToOutgoing(after));
            Assert.Single(await inbox.WaitForAsync(sentinelAddress));
        }
        finally
        {
            await harness.DeliveryConsumer.StopAsync(CancellationToken.None);
        }

        Assert.Single(await inbox.ForAsync(address));
        Assert.Equal(2, (await harness.StatusAsync(id)).Counts.Messaged);
    }

    [Fact]
    public async Task Quiet_hours_defer_delivery_until_they_end()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster);
        var patient = Unique("asleep");
        await harness.WriteHighSystolicAsync(patient);

        // 12:00 UTC is 09:00 in São Paulo, inside 08:00–10:00.
        var address = await harness.AddContactAsync(patient, quietStart: new TimeOnly(8, 0), quietEnd: new TimeOnly(10, 0));
        await harness.ConsentAsync(patient);
        var id = Unique("quiet");
        await harness.DefineAsync(Campaign(id));
        await harness.RunNowAsync(id);

        var first = Assert.Single(await harness.DeliverQueuedAsync());
        Assert.Equal(TimeSpan.FromHours(1), first.Outcome.DeferFor);
        Assert.Empty(harness.PickedUpEmailsTo(address));

        harness.Time.Advance(TimeSpan.FromHours(1));
        var second = Assert.Single(await harness.DeliverQueuedAsync());
        Assert.Equal(MessageOutcome.Done, second.Outcome);
        Assert.Single(harness.PickedUpEmailsTo(address));
    }

    [Fact]
    public async Task Sms_campaigns_text_the_patient_with_the_opt_out_link()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster);
        var patient = Unique("texted");
        await harness.WriteHighSystolicAsync(patient);
        await harness.AddContactAsync(patient);
        await harness.ConsentAsync(patient);
        var id = Unique("sms");
        await harness.DefineAsync(Campaign(id, channel: CampaignChannel.Sms));

        await harness.RunNowAsync(id);
        await harness.DeliverQueuedAsync();

        var line = Assert.Single(await File.ReadAllLinesAsync(Path.Combine(harness.DataDirectory, "notifications", "sms.jsonl")));
        var sms = JsonSerializer.Deserialize<SmsFileRecord>(line, Web)!;
        Assert.Equal("+5511912345678", sms.To);
        Assert.Equal(
            $"Your blood pressure was high on several days. Please book a check with your care team. To stop: https://portal.twins.test/opt-out?campaign={id}&patient={patient}",
            sms.Text);
    }
}
