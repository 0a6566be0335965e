using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>
/// Every log line of the provider (event ids 3000–3099). None of them carries grain state contents.
/// </summary>
internal static partial class SqliteGrainStorageLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information,
        Message = "SQLite grain storage {ProviderName} opened {DatabasePath} (journal mode {JournalMode}) in {ElapsedMilliseconds} ms")]
    public static partial void Opened(ILogger logger, string providerName, string databasePath, string journalMode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "SQLite grain storage {ProviderName} drained its queue and closed {DatabasePath}")]
    public static partial void Closed(ILogger logger, string providerName, string databasePath);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error,
        Message = "SQLite grain storage {ProviderName} could not open {DatabasePath}")]
    public static partial void OpenFailed(ILogger logger, Exception exception, string providerName, string databasePath);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "SQLite grain storage {ProviderName} runs with journal mode {JournalMode} instead of WAL")]
    public static partial void NotWal(ILogger logger, string providerName, string journalMode);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug,
        Message = "SQLite grain storage {ProviderName} refused {Operation} of state {StateName} for grain {GrainId}: stored ETag {StoredETag}, current ETag {CurrentETag}")]
    public static partial void ETagConflict(ILogger logger, string providerName, string operation, string stateName, string grainId, string? storedETag, string? currentETag);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error,
        Message = "SQLite grain storage {ProviderName} failed {Operation} of state {StateName} for grain {GrainId}")]
    public static partial void OperationFailed(ILogger logger, Exception exception, string providerName, string operation, string stateName, string grainId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Error,
        Message = "SQLite grain storage {ProviderName} could not deserialize state {StateName} of grain {GrainId} (ETag {ETag})")]
    public static partial void DeserializationFailed(ILogger logger, Exception exception, string providerName, string stateName, string grainId, string? eTag);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Trace,
        Message = "SQLite grain storage {ProviderName} applied a batch: {Reads} reads, {Writes} writes and clears in one transaction ({Conflicts} conflicts) in {ElapsedMilliseconds:0.###} ms")]
    public static partial void BatchApplied(ILogger logger, string providerName, int reads, int writes, int conflicts, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Error,
        Message = "SQLite grain storage {ProviderName} could not commit a batch of {Writes} writes and clears; all of them failed")]
    public static partial void BatchFailed(ILogger logger, Exception exception, string providerName, int writes);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Critical,
        Message = "SQLite grain storage {ProviderName} worker stopped on an unexpected error; queued operations failed")]
    public static partial void WorkerFailed(ILogger logger, Exception exception, string providerName);
}
