using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Api.Streaming;

/// <summary>Log messages of the care-team stream (event ids 81xx). Ids and counts only: never vitals.</summary>
internal static partial class CareTeamStreamLog
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Debug, Message = "Care-team stream of {TeamId} opened ({Patients} patients)")]
    public static partial void Opened(ILogger logger, string teamId, int patients);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Debug, Message = "Care-team stream of {TeamId} closed after {Events} events")]
    public static partial void Closed(ILogger logger, string teamId, long events);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Care-team stream of {TeamId}: the alert inbox could not be read; retrying every poll")]
    public static partial void InboxUnavailable(ILogger logger, Exception exception, string teamId);
}
