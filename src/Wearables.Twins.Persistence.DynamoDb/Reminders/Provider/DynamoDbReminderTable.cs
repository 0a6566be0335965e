using System.Diagnostics;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Orleans reminder table in DynamoDB. Items are partitioned by service id and one of 64 grain-hash buckets and sorted
/// by hash, so a silo reads its ring range with strongly consistent range queries of the buckets it overlaps, never a
/// scan (see <see cref="ReminderItem"/> and the README). Upserts are blind puts returning a new ETag; removals are
/// ETag-conditional deletes. Single-item requests only, so it runs unchanged on dynalite.
/// </summary>
public sealed class DynamoDbReminderTable : IReminderTable, IDisposable
{
    private readonly DynamoDbReminderTableOptions _options;
    private readonly string _serviceId;
    private readonly ILogger<DynamoDbReminderTable> _logger;
    private AmazonDynamoDBClient? _client;
    private DynamoDbReminderStore? _store;

    /// <summary>Creates the table client; it connects in <see cref="StartAsync"/>.</summary>
    public DynamoDbReminderTable(
        IOptions<DynamoDbReminderTableOptions> options, IOptions<ClusterOptions> clusterOptions, ILogger<DynamoDbReminderTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _serviceId = clusterOptions.Value.ServiceId;
        _logger = logger;
    }

    /// <summary>
    /// Validates the options, connects, and checks the table's key schema (creating the table when
    /// <see cref="DynamoDbConnectionOptions.CreateIfNotExists"/> is set). The reminder service calls it while the silo starts.
    /// </summary>
    /// <exception cref="OrleansConfigurationException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The table is missing (and may not be created) or has another key schema.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var problems = DynamoDbReminderTableOptionsValidator.Validate(_options);
        if (problems.Count > 0)
        {
            throw new OrleansConfigurationException($"The DynamoDB reminder table is misconfigured: {string.Join(" ", problems)}");
        }

        var clock = Stopwatch.StartNew();
        var client = DynamoDbClientFactory.Create(_options);
        try
        {
            await DynamoDbTableInitializer.EnsureTableAsync(client, _options, ReminderItem.Schema, _logger, cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        Interlocked.Exchange(ref _client, client)?.Dispose();
        Volatile.Write(ref _store, new DynamoDbReminderStore(client, _options.TableName, _serviceId));
        DynamoDbReminderLog.Started(_logger, _options.TableName, _serviceId, clock.ElapsedMilliseconds);
    }

    /// <summary>Releases the client. The reminder service calls it when the silo stops.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc/>
    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        new(await Store.ReadGrainAsync(grainId, cancellationToken));

    /// <inheritdoc/>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>
    /// Returns the rows whose grain hash is in (<paramref name="begin"/>, <paramref name="end"/>], or, when
    /// <paramref name="begin"/> &gt;= <paramref name="end"/>, the rows outside (<paramref name="end"/>, <paramref name="begin"/>]
    /// (the range wraps around the ring; <paramref name="begin"/> == <paramref name="end"/> is the whole ring).
    /// </summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        new(await Store.ReadRangeAsync(begin, end, cancellationToken));

    /// <inheritdoc/>
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <summary>Reads one reminder (a consistent read); null when there is none.</summary>
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        return Store.ReadRowAsync(grainId, reminderName, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>
    /// Inserts or replaces the reminder (a blind write, as in Orleans' own reminder tables) and returns its new ETag;
    /// <paramref name="entry"/> itself is left unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The entry has no grain id or name, or they exceed DynamoDB's 1 KB sort key.</exception>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.GrainId.IsDefault)
        {
            throw new ArgumentException("The reminder entry has no grain id.", nameof(entry));
        }

        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName, nameof(entry));
        var eTag = NewETag();
        await Store.PutAsync(entry, eTag, cancellationToken);
        return eTag;
    }

    /// <inheritdoc/>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Removes the reminder only if its stored ETag is <paramref name="eTag"/>; false when it is not (or there is no item).</summary>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        ArgumentNullException.ThrowIfNull(eTag);
        var removed = await Store.TryDeleteAsync(grainId, reminderName, eTag, cancellationToken);
        if (!removed)
        {
            DynamoDbReminderLog.RemoveRefused(_logger, reminderName, grainId, eTag);
        }

        return removed;
    }

    /// <inheritdoc/>
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Deletes every reminder of this service (other services' items in the same table stay).</summary>
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        var count = await Store.ClearAsync(cancellationToken);
        DynamoDbReminderLog.Cleared(_logger, _options.TableName, count, _serviceId);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Volatile.Write(ref _store, null);
        Interlocked.Exchange(ref _client, null)?.Dispose();
    }

    private DynamoDbReminderStore Store => Volatile.Read(ref _store)
        ?? throw new InvalidOperationException("The DynamoDB reminder table has not been started (or was stopped).");

    // Version 7: unique, so an ETag held from before a remove and a re-register never matches the new item.
    private static string NewETag() => Guid.CreateVersion7().ToString("N");
}
