using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Every log line of the DynamoDB providers (event ids 3100–3199). None carries grain state contents: ids, state
/// names, ETags, sizes and silo addresses only.
/// </summary>
internal static partial class DynamoDbLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "DynamoDB table {TableName} created")]
    public static partial void TableCreated(ILogger logger, string tableName);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "DynamoDB grain storage {ProviderName} started on table {TableName} in {ElapsedMilliseconds} ms")]
    public static partial void StorageStarted(ILogger logger, string providerName, string tableName, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Debug,
        Message = "DynamoDB grain storage {ProviderName} refused {Operation} of state {StateName} for grain {GrainId}: stored ETag {StoredETag}, current ETag {CurrentETag}")]
    public static partial void ETagConflict(ILogger logger, string providerName, string operation, string stateName, string grainId, string? storedETag, string? currentETag);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Error,
        Message = "DynamoDB grain storage {ProviderName} could not deserialize state {StateName} of grain {GrainId} (ETag {ETag})")]
    public static partial void DeserializationFailed(ILogger logger, Exception exception, string providerName, string stateName, string grainId, string? eTag);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Debug,
        Message = "DynamoDB grain storage {ProviderName} wrote state {StateName} of grain {GrainId}: {SerializedBytes} bytes serialized, {StoredBytes} stored as {Encoding} in {Chunks} chunk items")]
    public static partial void LargeStateWritten(ILogger logger, string providerName, string stateName, string grainId, int serializedBytes, int storedBytes, string encoding, int chunks);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Warning,
        Message = "DynamoDB grain storage {ProviderName} could not delete {Chunks} unreferenced chunk items of state {StateName} for grain {GrainId} (ETag {ETag}); they stay as garbage")]
    public static partial void ChunkCleanupFailed(ILogger logger, Exception exception, string providerName, string stateName, string grainId, string eTag, int chunks);

    [LoggerMessage(EventId = 3114, Level = LogLevel.Debug,
        Message = "DynamoDB grain storage {ProviderName} re-reads state {StateName} of grain {GrainId}: its chunks were replaced by a concurrent write")]
    public static partial void ChunksSuperseded(ILogger logger, string providerName, string stateName, string grainId);

    [LoggerMessage(EventId = 3150, Level = LogLevel.Information,
        Message = "DynamoDB membership table {TableName} ready for cluster {ClusterId} (version row initialised: {VersionRowInitialised})")]
    public static partial void MembershipInitialized(ILogger logger, string tableName, string clusterId, bool versionRowInitialised);

    [LoggerMessage(EventId = 3151, Level = LogLevel.Debug,
        Message = "DynamoDB membership: {Operation} of silo {Silo} refused (table version {Version}, expected version ETag {VersionETag})")]
    public static partial void MembershipWriteRefused(ILogger logger, string operation, string silo, int version, string versionETag);

    [LoggerMessage(EventId = 3152, Level = LogLevel.Information,
        Message = "DynamoDB membership: finished the pending write of silo {Silo} left by another writer (table version {Version})")]
    public static partial void PendingWriteRolledForward(ILogger logger, string silo, int version);

    [LoggerMessage(EventId = 3153, Level = LogLevel.Information,
        Message = "DynamoDB membership: removed {Count} defunct silo entries of cluster {ClusterId} last updated before {BeforeDate}")]
    public static partial void DefunctEntriesRemoved(ILogger logger, int count, string clusterId, DateTimeOffset beforeDate);

    [LoggerMessage(EventId = 3154, Level = LogLevel.Warning,
        Message = "DynamoDB gateway list could not be read from table {TableName}")]
    public static partial void GatewayListFailed(ILogger logger, Exception exception, string tableName);
}
