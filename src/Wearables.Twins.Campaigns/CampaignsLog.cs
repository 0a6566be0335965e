using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Campaigns;

/// <summary>Log lines of campaigns (event ids 6300–6399): campaign, run and message ids only, never addresses or texts.</summary>
internal static partial class CampaignsLog
{
    [LoggerMessage(EventId = 6300, Level = LogLevel.Information, Message = "Campaign {CampaignId} run {RunId} started ({Trigger})")]
    public static partial void RunStarted(ILogger logger, string campaignId, string runId, string trigger);

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information,
        Message = "Campaign {CampaignId} run {RunId} finished: {Matched} matched, {Enrolled} enrolled, {Queued} queued, {Skipped} skipped, {Exited} exited")]
    public static partial void RunFinished(ILogger logger, string campaignId, string runId, int matched, int enrolled, int queued, int skipped, int exited);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Error, Message = "Campaign {CampaignId} run {RunId} failed")]
    public static partial void RunFailed(ILogger logger, Exception exception, string campaignId, string runId);

    [LoggerMessage(EventId = 6303, Level = LogLevel.Warning,
        Message = "Campaign {CampaignId} run {RunId}: the cohort had {Cohort} patients; only the first {Max} (Twins:Campaigns:MaxCohortSize) are messaged")]
    public static partial void CohortTruncated(ILogger logger, string campaignId, string runId, int cohort, int max);

    [LoggerMessage(EventId = 6304, Level = LogLevel.Information, Message = "Campaign {CampaignId} run {RunId} stopped: the campaign was paused")]
    public static partial void RunStoppedByPause(ILogger logger, string campaignId, string runId);

    [LoggerMessage(EventId = 6310, Level = LogLevel.Error, Message = "Campaign scheduler pass failed; retrying at the next tick")]
    public static partial void SchedulerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6311, Level = LogLevel.Information, Message = "Campaign scheduler started (every {Interval})")]
    public static partial void SchedulerStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 6320, Level = LogLevel.Information, Message = "Campaign {CampaignId} message {MessageId} delivered")]
    public static partial void Delivered(ILogger logger, string campaignId, string messageId);

    [LoggerMessage(EventId = 6321, Level = LogLevel.Debug, Message = "Campaign message {MessageId} was sent or cancelled before; not sent again")]
    public static partial void NotResent(ILogger logger, string messageId);

    [LoggerMessage(EventId = 6322, Level = LogLevel.Information, Message = "Campaign message {MessageId} dropped: {Reason}")]
    public static partial void Dropped(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 6323, Level = LogLevel.Debug, Message = "Campaign message {MessageId} deferred until {Until}: quiet hours")]
    public static partial void DeferredForQuietHours(ILogger logger, string messageId, DateTimeOffset until);
}
