using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>Every log line of the SQLite reminder table (event ids 3200–3249): grain ids, reminder names and ETags only.</summary>
internal static partial class SqliteReminderTableLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information,
        Message = "SQLite reminder table opened {DatabasePath} for service {ServiceId} (journal mode {JournalMode}) in {ElapsedMilliseconds} ms")]
    public static partial void Opened(ILogger logger, string databasePath, string serviceId, string journalMode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information,
        Message = "SQLite reminder table drained its queue and closed {DatabasePath}")]
    public static partial void Closed(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Error,
        Message = "SQLite reminder table could not open {DatabasePath}")]
    public static partial void OpenFailed(ILogger logger, Exception exception, string databasePath);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning,
        Message = "SQLite reminder table runs with journal mode {JournalMode} instead of WAL")]
    public static partial void NotWal(ILogger logger, string journalMode);

    [LoggerMessage(EventId = 3210, Level = LogLevel.Debug,
        Message = "SQLite reminder table did not remove reminder {ReminderName} of grain {GrainId}: no row with ETag {ETag}")]
    public static partial void RemoveRefused(ILogger logger, string reminderName, GrainId grainId, string eTag);

    [LoggerMessage(EventId = 3211, Level = LogLevel.Error,
        Message = "SQLite reminder table failed to {Operation}")]
    public static partial void OperationFailed(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 3212, Level = LogLevel.Critical,
        Message = "SQLite reminder table worker stopped on an unexpected error; queued operations failed")]
    public static partial void WorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3213, Level = LogLevel.Warning,
        Message = "SQLite reminder table cleared {Count} reminders of service {ServiceId}")]
    public static partial void Cleared(ILogger logger, int count, string serviceId);
}
