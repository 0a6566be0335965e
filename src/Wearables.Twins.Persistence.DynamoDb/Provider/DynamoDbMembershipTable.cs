using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Orleans cluster membership in a DynamoDB table using single-item conditional writes only (no TransactWriteItems,
/// which dynalite lacks). A row write is first recorded as an intent on the version row (the lock, guarded by the
/// version ETag), then applied to the silo row, then completed by bumping the version; any reader or writer that meets
/// an intent finishes it. See the README for why this keeps the row and version consistent.
/// </summary>
public sealed class DynamoDbMembershipTable : IMembershipTable, IDisposable
{
    private const int SnapshotAttempts = 20;

    private readonly DynamoDbClusteringOptions _options;
    private readonly string _clusterId;
    private readonly ILogger<DynamoDbMembershipTable> _logger;
    private AmazonDynamoDBClient? _client;
    private MembershipTableStore? _store;

    /// <summary>Creates the table client; it connects in <see cref="InitializeMembershipTable"/>.</summary>
    public DynamoDbMembershipTable(
        IOptions<DynamoDbClusteringOptions> options, IOptions<ClusterOptions> clusterOptions, ILogger<DynamoDbMembershipTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _clusterId = clusterOptions.Value.ClusterId;
        _logger = logger;
    }

    /// <inheritdoc/>
    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        var problems = DynamoDbClusteringOptionsValidator.Validate(_options);
        if (problems.Count > 0)
        {
            throw new OrleansConfigurationException($"DynamoDB clustering is misconfigured: {string.Join(" ", problems)}");
        }

        var client = DynamoDbClientFactory.Create(_options);
        try
        {
            await DynamoDbTableInitializer.EnsureTableAsync(client, _options, MembershipRow.Schema, _logger, CancellationToken.None);
            var store = new MembershipTableStore(client, _options.TableName, _clusterId);
            var created = tryInitTableVersion && await store.EnsureVersionRowAsync(CancellationToken.None);
            Interlocked.Exchange(ref _client, client)?.Dispose();
            Volatile.Write(ref _store, store);
            DynamoDbLog.MembershipInitialized(_logger, _options.TableName, _clusterId, created);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        foreach (var item in await Store.ReadPartitionAsync(clusterId, CancellationToken.None))
        {
            await Store.TryDeleteAsync(clusterId, item.GetString(MembershipRow.Row)!, eTag: null, CancellationToken.None);
        }
    }

    /// <inheritdoc/>
    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        var removed = 0;
        foreach (var item in await Store.ReadPartitionAsync(_clusterId, CancellationToken.None))
        {
            if (IsVersionRow(item))
            {
                continue;
            }

            var entry = MembershipEntryCodec.FromItem(item);
            if (entry.Status == SiloStatus.Dead && LastUpdate(entry) < beforeDate.UtcDateTime
                && await Store.TryDeleteAsync(_clusterId, item.GetString(MembershipRow.Row)!, item.GetString(MembershipRow.ETag), CancellationToken.None))
            {
                removed++;
            }
        }

        DynamoDbLog.DefunctEntriesRemoved(_logger, removed, _clusterId, beforeDate);
    }

    /// <inheritdoc/>
    public Task<MembershipTableData> ReadRow(SiloAddress key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = key.ToParsableString();
        return ReadSnapshotAsync(async cancellationToken =>
            await Store.ReadRowAsync(row, cancellationToken) is { } item ? [item] : []);
    }

    /// <inheritdoc/>
    public Task<MembershipTableData> ReadAll() =>
        ReadSnapshotAsync(async cancellationToken =>
            (await Store.ReadPartitionAsync(_clusterId, cancellationToken)).Where(item => !IsVersionRow(item)).ToList());

    /// <inheritdoc/>
    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) =>
        WriteRowAsync("insert", entry, expectedETag: null, tableVersion);

    /// <inheritdoc/>
    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(etag);
        return WriteRowAsync("update", entry, etag, tableVersion);
    }

    /// <inheritdoc/>
    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!await Store.TryUpdateIAmAliveAsync(entry.SiloAddress.ToParsableString(), entry.IAmAliveTime, CancellationToken.None))
        {
            throw new InvalidOperationException(
                $"DynamoDB membership table '{_options.TableName}' has no row for silo {entry.SiloAddress} in cluster '{_clusterId}' to update its IAmAlive time.");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Volatile.Write(ref _store, null);
        Interlocked.Exchange(ref _client, null)?.Dispose();
    }

    private MembershipTableStore Store => Volatile.Read(ref _store)
        ?? throw new InvalidOperationException("The DynamoDB membership table has not been initialized.");

    /// <summary>The latest time the entry is known to have changed: start, heartbeat, or a suspicion vote.</summary>
    private static DateTime LastUpdate(MembershipEntry entry)
    {
        var latest = entry.IAmAliveTime > entry.StartTime ? entry.IAmAliveTime : entry.StartTime;
        foreach (var (_, time) in entry.SuspectTimes ?? [])
        {
            latest = time > latest ? time : latest;
        }

        return latest;
    }

    private static bool IsVersionRow(Dictionary<string, AttributeValue> item) =>
        item.GetString(MembershipRow.Row) == MembershipRow.VersionRowKey;

    private async Task<bool> WriteRowAsync(string operation, MembershipEntry entry, string? expectedETag, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);

        var store = Store;
        var intent = new MembershipWriteIntent(
            entry.SiloAddress.ToParsableString(),
            expectedETag,
            MembershipTableStore.NewETag(),
            tableVersion.Version,
            MembershipTableStore.NewETag(),
            MembershipEntryCodec.ToAttributes(entry));

        if (!await store.TryRecordIntentAsync(intent, tableVersion.VersionEtag ?? string.Empty, CancellationToken.None))
        {
            // The table changed since the caller read it, or another write is in flight. Finish that one now, so the
            // caller's re-read (Orleans re-reads after a refusal) sees a settled table.
            if (await store.ReadVersionRowAsync(CancellationToken.None) is { Pending: { } pending } current)
            {
                await FinishAsync(store, pending, current.Version);
            }

            DynamoDbLog.MembershipWriteRefused(_logger, operation, intent.Row, tableVersion.Version, tableVersion.VersionEtag ?? string.Empty);
            return false;
        }

        var applied = await store.ApplyIntentAsync(intent, CancellationToken.None);
        await store.CompleteIntentAsync(intent, applied, CancellationToken.None);
        if (!applied)
        {
            DynamoDbLog.MembershipWriteRefused(_logger, operation, intent.Row, tableVersion.Version, tableVersion.VersionEtag ?? string.Empty);
        }

        return applied;
    }

    private async Task FinishAsync(MembershipTableStore store, MembershipWriteIntent pending, int version)
    {
        var applied = await store.ApplyIntentAsync(pending, CancellationToken.None);
        await store.CompleteIntentAsync(pending, applied, CancellationToken.None);
        DynamoDbLog.PendingWriteRolledForward(_logger, pending.Row, version);
    }

    /// <summary>
    /// Reads rows between two reads of the version row, and accepts them only if the version ETag did not move and no
    /// write was pending: every row write happens while an intent is recorded, and every applied one moves the ETag.
    /// </summary>
    private async Task<MembershipTableData> ReadSnapshotAsync(
        Func<CancellationToken, Task<List<Dictionary<string, AttributeValue>>>> readRows)
    {
        var store = Store;
        for (var attempt = 0; attempt < SnapshotAttempts; attempt++)
        {
            var before = await store.ReadVersionRowAsync(CancellationToken.None);
            if (before is null)
            {
                await store.EnsureVersionRowAsync(CancellationToken.None);
                continue;
            }

            if (before.Pending is { } pending)
            {
                await FinishAsync(store, pending, before.Version);
                continue;
            }

            var rows = await readRows(CancellationToken.None);
            var after = await store.ReadVersionRowAsync(CancellationToken.None);
            if (after is null || after.ETag != before.ETag || after.Pending is not null)
            {
                continue;
            }

            var members = rows
                .Select(item => Tuple.Create(MembershipEntryCodec.FromItem(item), item.GetString(MembershipRow.ETag) ?? string.Empty))
                .ToList();
            return new MembershipTableData(members, new TableVersion(before.Version, before.ETag));
        }

        throw new InvalidOperationException(
            $"DynamoDB membership table '{_options.TableName}' kept changing during {SnapshotAttempts} attempts to read a consistent view of cluster '{_clusterId}'.");
    }
}
