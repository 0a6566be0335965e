using Wearables.Twins.Campaigns.Engagement;
using Wearables.Twins.Workers.Notifications.Contacts;
using static Wearables.Twins.Campaigns.Tests.Samples;

namespace Wearables.Twins.Campaigns.Tests;

[Collection(CampaignClusterCollection.Name)]
public sealed class RunTests(CampaignCluster cluster)
{
    [Fact]
    public async Task Patients_without_consent_are_not_messaged_and_are_counted()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster);
        var (agreed, silent, withdrawn) = (Unique("agreed"), Unique("silent"), Unique("withdrawn"));
        foreach (var patient in new[] { agreed, silent, withdrawn })
        {
            await harness.WriteHighSystolicAsync(patient);
            await harness.AddContactAsync(patient);
        }

        await harness.ConsentAsync(agreed);
        await harness.ConsentAsync(withdrawn);
        await harness.ConsentAsync(withdrawn, granted: false);
        var id = Unique("consent");
        await harness.DefineAsync(Campaign(id));

        var report = await harness.RunNowAsync(id);
        var delivered = await harness.DeliverQueuedAsync();

        Assert.Equal((3, 1, 1, 2), (report.Matched, report.Queued, report.Enrolled, report.Skipped[SkipReasons.NoConsent]));
        Assert.Equal(agreed, Assert.Single(delivered).Message.PatientId);
        Assert.Single(harness.PickedUpEmailsTo($"{agreed}@twins.test"));
        Assert.Empty(harness.PickedUpEmailsTo($"{silent}@twins.test"));
        Assert.Empty(harness.PickedUpEmailsTo($"{withdrawn}@twins.test"));
        var counts = (await harness.StatusAsync(id)).Counts;
        Assert.Equal((1L, 1L, 1L, 2L, 1L), (counts.Runs, counts.Enrolled, counts.Messaged, counts.Skipped[SkipReasons.NoConsent], counts.StillMatching));
    }

    [Fact]
    public async Task Without_the_explicit_consent_requirement_silence_is_yes_but_a_withdrawal_still_stops_messages()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster, settings: new Dictionary<string, string?>
        {
            ["Twins:Campaigns:RequireExplicitConsent"] = "false",
        });
        var (silent, withdrawn) = (Unique("silent"), Unique("withdrawn"));
        foreach (var patient in new[] { silent, withdrawn })
        {
            await harness.WriteHighSystolicAsync(patient);
            await harness.AddContactAsync(patient);
        }

        await harness.ConsentAsync(withdrawn, granted: false);
        var id = Unique("implied");
        await harness.DefineAsync(Campaign(id));

        var report = await harness.RunNowAsync(id);

        Assert.Equal((2, 1, 1), (report.Matched, report.Queued, report.Skipped[SkipReasons.NoConsent]));
        Assert.Equal(silent, Assert.Single(await harness.DeliverQueuedAsync()).Message.PatientId);
    }

    [Fact]
    public async Task Opt_outs_of_the_campaign_of_all_campaigns_and_of_all_contact_are_honoured_even_after_queueing()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster);
        var id = Unique("optout");
        var (thisOne, all, contact, late, fine) = (Unique("this"), Unique("all"), Unique("contact"), Unique("late"), Unique("fine"));
        foreach (var patient in new[] { thisOne, all, contact, late, fine })
        {
            await harness.WriteHighSystolicAsync(patient);
            await harness.AddContactAsync(patient, optedOut: patient == contact);
            await harness.ConsentAsync(patient);
        }

        var now = harness.Time.GetUtcNow();
        await harness.Engagement(thisOne).OptOutAsync(id, "link", now);
        await harness.Engagement(all).OptOutAsync(null, "app", now);
        await harness.Engagement(fine).OptOutAsync("some-other-campaign", "link", now);
        await harness.DefineAsync(Campaign(id));

        var report = await harness.RunNowAsync(id);
        await harness.Engagement(late).OptOutAsync(null, "sms-reply", harness.Time.GetUtcNow());
        var delivered = await harness.DeliverQueuedAsync();

        Assert.Equal((5, 2, 3), (report.Matched, report.Queued, report.Skipped[SkipReasons.OptedOut]));
        Assert.Equal(2, delivered.Count);
        Assert.Single(harness.PickedUpEmailsTo($"{fine}@twins.test"));
        Assert.Empty(harness.PickedUpEmailsTo($"{late}@twins.test"));
        var counts = (await harness.StatusAsync(id)).Counts;
        Assert.Equal((1L, 1L), (counts.Messaged, counts.DeliveryDropped[SkipReasons.OptedOut]));

        // Consent given again later is the patient's newer word: it lifts the opt-out of all campaigns (not a single one).
        await harness.ConsentAsync(all);
        await harness.RunNowAsync(id);
        var queued = (await harness.TakeQueuedAsync()).Select(m => m.MessageId).ToList();
        Assert.Equal(2, queued.Count);
        Assert.Contains(queued, m => m.EndsWith("/" + all, StringComparison.Ordinal));
        Assert.Contains(queued, m => m.EndsWith("/" + fine, StringComparison.Ordinal));
        string[] trail = ["consent_granted", "opted_out_all", "consent_granted"];
        Assert.Equal(trail, (await harness.Engagement(all).GetAsync()).History.Select(e => e.Kind));
    }

    [Fact]
    public async Task Patients_without_a_reachable_contact_are_skipped_as_no_contact()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster);
        var (nobody, smsOnly) = (Unique("nobody"), Unique("sms-only"));
        foreach (var patient in new[] { nobody, smsOnly })
        {
            await harness.WriteHighSystolicAsync(patient);
            await harness.ConsentAsync(patient);
        }

        await harness.Contacts.UpsertAsync(new ContactPreferences(smsOnly, $"{smsOnly}@twins.test", "+5511912345678", [ContactChannel.Sms]));
        var id = Unique("contact");
        await harness.DefineAsync(Campaign(id));

        var report = await harness.RunNowAsync(id);

        Assert.Equal((2, 0, 2), (report.Matched, report.Queued, report.Skipped[SkipReasons.NoContact]));
    }

    [Fact]
    public async Task A_campaign_does_not_message_a_patient_again_within_its_minimum_days()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster);
        var patient = Unique("capped");
        await harness.WriteHighSystolicAsync(patient);
        await harness.AddContactAsync(patient);
        await harness.ConsentAsync(patient);
        var id = Unique("cap");
        await harness.DefineAsync(Campaign(id, minDaysBetweenMessages: 3));

        var first = await harness.RunNowAsync(id);
        await harness.DeliverQueuedAsync();
        harness.Time.Advance(TimeSpan.FromDays(1));
        var second = await harness.RunNowAsync(id);
        harness.Time.Advance(TimeSpan.FromDays(2));
        var third = await harness.RunNowAsync(id);

        Assert.Equal((1, 1), (first.Queued, first.Enrolled));
        Assert.Equal((0, 1, 1), (second.Queued, second.Skipped[SkipReasons.Capped], second.StillMatching));
        Assert.Equal((1, 0, 1), (third.Queued, third.Enrolled, third.StillMatching));
        Assert.Equal(harness.Time.GetUtcNow(), (await harness.Engagement(patient).GetAsync()).LastMessagedAt[id]);
    }

    [Fact]
    public async Task The_global_weekly_cap_spans_campaigns()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster, settings: new Dictionary<string, string?>
        {
            ["Twins:Campaigns:MaxMessagesPerPatientPer7Days"] = "2",
        });
        var patient = Unique("busy");
        await harness.WriteHighSystolicAsync(patient);
        await harness.AddContactAsync(patient);
        await harness.ConsentAsync(patient);
        var ids = new[] { Unique("first"), Unique("second"), Unique("third") };
        foreach (var id in ids)
        {
            await harness.DefineAsync(Campaign(id));
        }

        var reports = new List<Catalog.RunReport>();
        foreach (var id in ids)
        {
            reports.Add(await harness.RunNowAsync(id));
            harness.Time.Advance(TimeSpan.FromHours(1));
        }

        int[] queued = [1, 1, 0];
        Assert.Equal(queued, reports.Select(r => r.Queued));
        Assert.Equal(1, reports[2].Skipped[SkipReasons.Capped]);

        // Once the first message is more than 7 days old (the second is not), one slot is free again.
        harness.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(2.5));
        await harness.WriteHighSystolicAsync(patient);
        Assert.Equal(1, (await harness.RunNowAsync(ids[2])).Queued);
    }

    [Fact]
    public async Task Enrolled_patients_who_leave_the_cohort_are_counted_as_exited()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster);
        var (leaves, stays) = (Unique("leaves"), Unique("stays"));
        await harness.WriteHighSystolicAsync(leaves);
        await harness.WriteHighSystolicAsync(stays);
        await harness.WriteLakeAsync(stays, HighSystolicDays(harness.Today.AddDays(6), 3));
        foreach (var patient in new[] { leaves, stays })
        {
            await harness.AddContactAsync(patient);
            await harness.ConsentAsync(patient);
        }

        var id = Unique("outcome");
        await harness.DefineAsync(Campaign(id));
        var first = await harness.RunNowAsync(id);
        harness.Time.Advance(TimeSpan.FromDays(6));
        var second = await harness.RunNowAsync(id);

        Assert.Equal((2, 2, 2, 0), (first.Matched, first.Enrolled, first.StillMatching, first.Exited));
        Assert.Equal((1, 0, 1, 1), (second.Matched, second.Enrolled, second.StillMatching, second.Exited));
        var counts = (await harness.StatusAsync(id)).Counts;
        Assert.Equal((2L, 2L, 1L, 1L, 3L), (counts.Runs, counts.Enrolled, counts.Exited, counts.StillMatching, counts.Matched));
    }
}
