using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>Every log line of the DynamoDB reminder table (event ids 3250–3299): grain ids, reminder names and ETags only.</summary>
internal static partial class DynamoDbReminderLog
{
    [LoggerMessage(EventId = 3250, Level = LogLevel.Information,
        Message = "DynamoDB reminder table {TableName} ready for service {ServiceId} in {ElapsedMilliseconds} ms")]
    public static partial void Started(ILogger logger, string tableName, string serviceId, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3260, Level = LogLevel.Debug,
        Message = "DynamoDB reminder table did not remove reminder {ReminderName} of grain {GrainId}: no item with ETag {ETag}")]
    public static partial void RemoveRefused(ILogger logger, string reminderName, GrainId grainId, string eTag);

    [LoggerMessage(EventId = 3261, Level = LogLevel.Warning,
        Message = "DynamoDB reminder table {TableName} cleared {Count} reminders of service {ServiceId}")]
    public static partial void Cleared(ILogger logger, string tableName, int count, string serviceId);
}
