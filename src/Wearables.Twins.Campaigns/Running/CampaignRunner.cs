using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.Campaigns.Catalog;
using Wearables.Twins.Campaigns.Cohorts;
using Wearables.Twins.Campaigns.Delivery;
using Wearables.Twins.Campaigns.Engagement;
using Wearables.Twins.Campaigns.Membership;
using Wearables.Twins.Campaigns.Options;
using Wearables.Twins.Messaging;
using Wearables.Twins.Workers.Notifications.Contacts;

namespace Wearables.Twins.Campaigns.Running;

/// <summary>
/// Runs one campaign, outside any grain: claims the run from the campaign grain, evaluates the cohort (the lake query
/// on the thread pool), asks each patient's engagement grain whether to message them, publishes the accepted
/// messages for delivery, reconciles the campaign's members (enrolled, exited, still matching) and reports back.
/// A pause during the run stops it between batches.
/// </summary>
public sealed class CampaignRunner(
    IGrainFactory grains,
    CohortEvaluator cohorts,
    IContactDirectory contacts,
    IMessageTransport transport,
    IOptions<CampaignOptions> options,
    TimeProvider time,
    ILogger<CampaignRunner> logger)
{
    /// <summary>Patients decided between two checks that the campaign is still active.</summary>
    private const int Batch = 256;

    public async Task<CampaignRunResult> RunAsync(string campaignId, bool manual, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        var campaign = grains.GetGrain<ICampaignGrain>(campaignId);
        var start = await campaign.BeginRunAsync(time.GetUtcNow(), manual, options.Value.RunLease);
        if (start.Ticket is not { } ticket)
        {
            return new CampaignRunResult(start.Outcome switch
            {
                RunStartOutcome.Paused => RunOutcome.Paused,
                RunStartOutcome.NotDue => RunOutcome.NotDue,
                RunStartOutcome.AlreadyRunning => RunOutcome.AlreadyRunning,
                _ => RunOutcome.Unknown,
            });
        }

        CampaignsLog.RunStarted(logger, campaignId, ticket.RunId, manual ? "manual" : "schedule");
        try
        {
            var report = await ExecuteAsync(campaign, ticket, manual, cancellationToken);
            await campaign.CompleteRunAsync(report);
            var skipped = report.Skipped.Values.Sum();
            CampaignsLog.RunFinished(logger, campaignId, ticket.RunId, report.Matched, report.Enrolled, report.Queued, skipped, report.Exited);
            return new CampaignRunResult(RunOutcome.Completed, report);
        }
        catch (Exception ex)
        {
            CampaignsLog.RunFailed(logger, ex, campaignId, ticket.RunId);
            await campaign.AbandonRunAsync(ticket.RunId);
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return new CampaignRunResult(RunOutcome.Failed, Error: "The run failed; the service log has the cause (event 6302).");
        }
    }

    private async Task<RunReport> ExecuteAsync(ICampaignGrain campaign, RunTicket ticket, bool manual, CancellationToken cancellationToken)
    {
        var definition = ticket.Definition;
        var settings = options.Value;
        var now = ticket.StartedAt;
        var cohort = (await cohorts.EvaluateAsync(definition.Rule, now, cancellationToken)).Order(StringComparer.Ordinal).ToList();
        var targets = cohort;
        if (cohort.Count > settings.MaxCohortSize)
        {
            CampaignsLog.CohortTruncated(logger, definition.Id, ticket.RunId, cohort.Count, settings.MaxCohortSize);
            targets = cohort.GetRange(0, settings.MaxCohortSize);
        }

        var skipped = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var messaged = new ConcurrentBag<string>();
        var stopped = false;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.RunConcurrency, CancellationToken = cancellationToken };
        for (var first = 0; first < targets.Count; first += Batch)
        {
            if (first > 0 && !await campaign.IsActiveAsync())
            {
                CampaignsLog.RunStoppedByPause(logger, definition.Id, ticket.RunId);
                stopped = true;
                break;
            }

            await Parallel.ForEachAsync(targets.Skip(first).Take(Batch), parallel, async (patientId, token) =>
            {
                var decision = await OfferAsync(ticket, patientId, now, token);
                if (decision.Send)
                {
                    await PublishAsync(ticket, patientId, decision.MessageId!, now, token);
                    messaged.Add(patientId);
                }
                else
                {
                    skipped.AddOrUpdate(decision.SkipReason!, 1, (_, count) => count + 1);
                }
            });
        }

        var membership = await ReconcileAsync(ticket, cohort, messaged);
        return new RunReport(
            ticket.RunId, manual, ticket.StartedAt, time.GetUtcNow(), ticket.Slot, cohort.Count, membership.Enrolled, messaged.Count,
            skipped.ToImmutableDictionary(StringComparer.Ordinal), membership.Exited, membership.StillMatching,
            Truncated: targets.Count < cohort.Count, StoppedByPause: stopped);
    }

    private async Task<EnrolmentDecision> OfferAsync(RunTicket ticket, string patientId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var definition = ticket.Definition;
        var contact = await contacts.GetAsync(patientId, cancellationToken);
        var reach = contact is { OptedOut: true } ? ContactState.OptedOut
            : CampaignMessageHandler.Address(contact, definition.Channel) is null ? ContactState.Missing
            : ContactState.Reachable;
        var settings = options.Value;
        var offer = new CampaignOffer(
            definition.Id, ticket.RunId, CampaignMessageCodec.MessageId(definition.Id, ticket.RunId, patientId), now,
            definition.MinDaysBetweenMessages, settings.MaxMessagesPerPatientPer7Days, settings.RequireExplicitConsent, reach);
        return await grains.GetGrain<IPatientEngagementGrain>(patientId).DecideAsync(offer);
    }

    private async Task PublishAsync(RunTicket ticket, string patientId, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var definition = ticket.Definition;
        var message = new CampaignMessage(
            messageId, definition.Id, definition.Name, ticket.RunId, patientId, definition.Channel, definition.Message,
            OptOutLinks.Build(options.Value.OptOutUrl, definition.Id, patientId), now);
        try
        {
            await transport.PublishAsync(CampaignMessageCodec.ToOutgoing(message), cancellationToken);
        }
        catch
        {
            // Not queued (or not known to be): give the patient's caps back rather than count a message never sent.
            await grains.GetGrain<IPatientEngagementGrain>(patientId).CancelMessageAsync(messageId);
            throw;
        }
    }

    private async Task<MembershipResult> ReconcileAsync(RunTicket ticket, List<string> cohort, IEnumerable<string> messaged)
    {
        var shards = ticket.MembershipShards;
        var matchedByShard = new List<string>[shards];
        var messagedByShard = new List<string>[shards];
        for (var i = 0; i < shards; i++)
        {
            matchedByShard[i] = [];
            messagedByShard[i] = [];
        }

        foreach (var patient in cohort)
        {
            matchedByShard[PatientShards.Of(patient, shards)].Add(patient);
        }

        foreach (var patient in messaged)
        {
            messagedByShard[PatientShards.Of(patient, shards)].Add(patient);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, shards).Select(shard => grains
            .GetGrain<ICampaignMembersGrain>(ICampaignMembersGrain.Key(ticket.Definition.Id, shard))
            .ReconcileAsync(ticket.RunId, [.. matchedByShard[shard]], [.. messagedByShard[shard]]).AsTask()));
        return new MembershipResult(results.Sum(r => r.Enrolled), results.Sum(r => r.StillMatching), results.Sum(r => r.Exited));
    }
}
