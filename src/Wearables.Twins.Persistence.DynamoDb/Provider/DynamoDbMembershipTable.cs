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

    /// <summary>Creates the table client; it connects in <see cref="InitializeMembershipTableAsync"/>.</summary>
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
    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken)
    {
        var problems = DynamoDbClusteringOptionsValidator.Validate(_options);
        if (problems.Count > 0)
        {
            throw new OrleansConfigurationException($"DynamoDB clustering is misconfigured: {string.Join(" ", problems)}");
        }

        var client = DynamoDbClientFactory.Create(_options);
        try
        {
            await DynamoDbTableInitializer.EnsureTableAsync(client, _options, MembershipRow.Schema, _logger, cancellationToken);
            var store = new MembershipTableStore(client, _options.TableName, _clusterId);
            var created = tryInitTableVersion && await store.EnsureVersionRowAsync(cancellationToken);
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
    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        foreach (var item in await Store.ReadPartitionAsync(clusterId, cancellationToken))
        {
            await Store.TryDeleteAsync(clusterId, item.GetString(MembershipRow.Row)!, eTag: null, cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var item in await Store.ReadPartitionAsync(_clusterId, cancellationToken))
        {
            if (IsVersionRow(item))
            {
                continue;
            }

            var entry = MembershipEntryCodec.FromItem(item);
            if (entry.Status == SiloStatus.Dead && LastUpdate(entry) < beforeDate.UtcDateTime
                && await Store.TryDeleteAsync(_clusterId, item.GetString(MembershipRow.Row)!, item.GetString(MembershipRow.ETag), cancellationToken))
            {
                removed++;
            }
        }

        DynamoDbLog.DefunctEntriesRemoved(_logger, removed, _clusterId, beforeDate);
    }

    /// <inheritdoc/>
    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = key.ToParsableString();
        return ReadSnapshotAsync(async ct => await Store.ReadRowAsync(row, ct) is { } item ? [item] : [], cancellationToken);
    }

    /// <inheritdoc/>
    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) =>
        ReadSnapshotAsync(async ct =>
            (await Store.ReadPartitionAsync(_clusterId, ct)).Where(item => !IsVersionRow(item)).ToList(), cancellationToken);

    /// <inheritdoc/>
    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken) =>
        WriteRowAsync("insert", entry, expectedETag: null, tableVersion, cancellationToken);

    /// <inheritdoc/>
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(etag);
        return WriteRowAsync("update", entry, etag, tableVersion, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!await Store.TryUpdateIAmAliveAsync(entry.SiloAddress.ToParsableString(), entry.IAmAliveTime, cancellationToken))
        {
            throw new InvalidOperationException(
                $"DynamoDB membership table '{_options.TableName}' has no row for silo {entry.SiloAddress} in cluster '{_clusterId}' to update its IAmAlive time.");
        }
    }

    // Orleans 10 calls the *Async members; the obsolete members are still abstract on the interface and forward here.

    /// <inheritdoc/>
    [Obsolete("Use InitializeMembershipTableAsync instead.")]
    public Task InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);

    /// <inheritdoc/>
    [Obsolete("Use DeleteMembershipTableEntriesAsync instead.")]
    public Task DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);

    /// <inheritdoc/>
    [Obsolete("Use CleanupDefunctSiloEntriesAsync instead.")]
    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);

    /// <inheritdoc/>
    [Obsolete("Use ReadRowAsync instead.")]
    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

    /// <inheritdoc/>
    [Obsolete("Use ReadAllAsync instead.")]
    public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);

    /// <inheritdoc/>
    [Obsolete("Use InsertRowAsync instead.")]
    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion, CancellationToken.None);

    /// <inheritdoc/>
    [Obsolete("Use UpdateRowAsync instead.")]
    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);

    /// <inheritdoc/>
    [Obsolete("Use UpdateIAmAliveAsync instead.")]
    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);

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

    private async Task<bool> WriteRowAsync(string operation, MembershipEntry entry, string? expectedETag, TableVersion tableVersion, CancellationToken cancellationToken)
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

        if (!await store.TryRecordIntentAsync(intent, tableVersion.VersionEtag ?? string.Empty, cancellationToken))
        {
            // The table changed since the caller read it, or another write is in flight. Finish that one now, so the
            // caller's re-read (Orleans re-reads after a refusal) sees a settled table.
            if (await store.ReadVersionRowAsync(cancellationToken) is { Pending: { } pending } current)
            {
                await FinishAsync(store, pending, current.Version, cancellationToken);
            }

            DynamoDbLog.MembershipWriteRefused(_logger, operation, intent.Row, tableVersion.Version, tableVersion.VersionEtag ?? string.Empty);
            return false;
        }

        var applied = await store.ApplyIntentAsync(intent, cancellationToken);
        await store.CompleteIntentAsync(intent, applied, cancellationToken);
        if (!applied)
        {
            DynamoDbLog.MembershipWriteRefused(_logger, operation, intent.Row, tableVersion.Version, tableVersion.VersionEtag ?? string.Empty);
        }

        return applied;
    }

    private async Task FinishAsync(MembershipTableStore store, MembershipWriteIntent pending, int version, CancellationToken cancellationToken)
    {
        var applied = await store.ApplyIntentAsync(pending, cancellationToken);
        await store.CompleteIntentAsync(pending, applied, cancellationToken);
        DynamoDbLog.PendingWriteRolledForward(_logger, pending.Row, version);
    }

    /// <summary>
    /// Reads rows between two reads of the version row, and accepts them only if the version ETag did not move and no
    /// write was pending: every row write happens while an intent is recorded, and every applied one moves the ETag.
    /// </summary>
    private async Task<MembershipTableData> ReadSnapshotAsync(
        Func<CancellationToken, Task<List<Dictionary<string, AttributeValue>>>> readRows, CancellationToken cancellationToken)
    {
        var store = Store;
        for (var attempt = 0; attempt < SnapshotAttempts; attempt++)
        {
            var before = await store.ReadVersionRowAsync(cancellationToken);
            if (before is null)
            {
                await store.EnsureVersionRowAsync(cancellationToken);
                continue;
            }

            if (before.Pending is { } pending)
            {
                await FinishAsync(store, pending, before.Version, cancellationToken);
                continue;
            }

            var rows = await readRows(cancellationToken);
            var after = await store.ReadVersionRowAsync(cancellationToken);
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
