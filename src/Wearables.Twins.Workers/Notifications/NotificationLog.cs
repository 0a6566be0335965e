namespace Wearables.Twins.Workers.Notifications;

/// <summary>Log lines of the notification worker (event ids 6100–6199): ids only, never addresses or contents.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Sent {Channel} notification for recommendation {RecommendationId}")]
    public static partial void Sent(ILogger logger, string channel, string recommendationId);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Recommendation {RecommendationId} not notified: {Reason}")]
    public static partial void Skipped(ILogger logger, string recommendationId, string reason);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Recommendation {RecommendationId} deferred until {Until}: {Reason}")]
    public static partial void Deferred(ILogger logger, string recommendationId, DateTimeOffset until, string reason);
}
