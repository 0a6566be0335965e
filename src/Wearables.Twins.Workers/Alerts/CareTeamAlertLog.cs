using Wearables.Twins.CareTeams;

namespace Wearables.Twins.Workers.Alerts;

/// <summary>Log lines of the care-team alert worker (event ids 6200–6299): ids only, never addresses or contents.</summary>
internal static partial class CareTeamAlertLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "Recommendation {RecommendationId} in care team {TeamId}'s inbox: {Outcome} {AlertId}")]
    public static partial void Applied(ILogger logger, string recommendationId, string teamId, AlertOpenOutcome outcome, string? alertId);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Debug, Message = "Recommendation {RecommendationId} not alerted: below the care-team threshold")]
    public static partial void BelowThreshold(ILogger logger, string recommendationId);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information,
        Message = "Recommendation {RecommendationId} skipped: patient {PatientId} has no care team and Twins:CareTeamAlerts:DefaultTeamId is unset")]
    public static partial void NoTeam(ILogger logger, string recommendationId, string patientId);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Information, Message = "Paged contact {ContactId} by {Channel} for escalation {NoticeId}")]
    public static partial void Paged(ILogger logger, string contactId, string channel, string noticeId);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning,
        Message = "Escalation {NoticeId}: contact {ContactId} has neither email nor phone; nobody was paged")]
    public static partial void Unreachable(ILogger logger, string noticeId, string contactId);
}
