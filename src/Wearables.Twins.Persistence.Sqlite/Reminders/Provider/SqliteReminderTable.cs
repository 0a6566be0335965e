using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>
/// Orleans reminder table in one local SQLite file, for a single silo (or a dev box). Rows are keyed by service id, grain
/// id and reminder name, and indexed by the grain's uniform hash so each silo reads its ring range with an index range
/// scan. Upserts are blind writes that return a new ETag; removals are ETag-checked.
/// </summary>
/// <remarks>
/// The reminder service calls <see cref="StartAsync"/> while the silo starts and <see cref="StopAsync"/> when it stops.
/// Every SQLite call runs on one dedicated thread (<see cref="SqliteReminderWorker"/>), never on the caller's.
/// </remarks>
public sealed class SqliteReminderTable : IReminderTable, IAsyncDisposable, IDisposable
{
    private readonly SqliteReminderTableOptions _options;
    private readonly string _serviceId;
    private readonly ILogger<SqliteReminderTable> _logger;
    private SqliteReminderWorker? _worker;

    /// <summary>Creates the table; it opens the database in <see cref="StartAsync"/>.</summary>
    public SqliteReminderTable(
        IOptions<SqliteReminderTableOptions> options, IOptions<ClusterOptions> clusterOptions, ILogger<SqliteReminderTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _serviceId = clusterOptions.Value.ServiceId;
        _logger = logger;
    }

    /// <summary>
    /// Validates the options, then opens the database (creating the directory, the file and the schema when missing) in
    /// WAL mode. Calling it again while running returns the same start; a stopped table cannot be started again.
    /// </summary>
    /// <exception cref="OrleansConfigurationException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The table was stopped.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        var problems = SqliteReminderTableOptionsValidator.Validate(_options);
        if (problems.Count > 0)
        {
            throw new OrleansConfigurationException($"The SQLite reminder table is misconfigured: {string.Join(" ", problems)}");
        }

        var worker = new SqliteReminderWorker(_options.DatabasePath, _serviceId, _options.BusyTimeout, _logger);
        var current = Interlocked.CompareExchange(ref _worker, worker, null) ?? worker;
        return current.StartAsync(cancellationToken);
    }

    /// <summary>Refuses new operations, finishes the queued ones and closes the database. Safe to call more than once.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _worker) is { } worker ? worker.StopAsync(cancellationToken) : Task.CompletedTask;

    /// <inheritdoc/>
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc/>
    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        new(await Worker.RunAsync(s => s.ReadGrain(grainId), "read the reminders of a grain", cancellationToken));

    /// <inheritdoc/>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>
    /// Returns the rows whose grain hash is in (<paramref name="begin"/>, <paramref name="end"/>], or, when
    /// <paramref name="begin"/> &gt;= <paramref name="end"/>, the rows outside (<paramref name="end"/>, <paramref name="begin"/>]
    /// (the range wraps around the ring; <paramref name="begin"/> == <paramref name="end"/> is the whole ring).
    /// </summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        new(await Worker.RunAsync(s => s.ReadRange(begin, end), "read a range of the reminder ring", cancellationToken));

    /// <inheritdoc/>
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <summary>Reads one reminder; null when there is none.</summary>
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        return Worker.RunAsync(s => s.ReadRow(grainId, reminderName), "read a reminder", cancellationToken);
    }

    /// <inheritdoc/>
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>
    /// Inserts or replaces the reminder (a blind write, as in Orleans' own reminder tables) and returns its new ETag;
    /// <paramref name="entry"/> itself is left unchanged.
    /// </summary>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ValidateEntry(entry);
        var eTag = NewETag();
        await Worker.RunAsync(s => { s.Upsert(entry, eTag); return true; }, "upsert a reminder", cancellationToken);
        return eTag;
    }

    /// <inheritdoc/>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Removes the reminder only if its stored ETag is <paramref name="eTag"/>; false when it is not (or there is no row).</summary>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        ArgumentNullException.ThrowIfNull(eTag);
        var removed = await Worker.RunAsync(s => s.Remove(grainId, reminderName, eTag), "remove a reminder", cancellationToken);
        if (!removed)
        {
            SqliteReminderTableLog.RemoveRefused(_logger, reminderName, grainId, eTag);
        }

        return removed;
    }

    /// <inheritdoc/>
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Deletes every reminder of this service (other services' rows in the same file stay).</summary>
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        var count = await Worker.RunAsync(s => s.Clear(), "clear the reminders", cancellationToken);
        SqliteReminderTableLog.Cleared(_logger, count, _serviceId);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <inheritdoc/>
    public void Dispose() => StopAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The instant as UTC: Orleans passes UTC times; a local one is converted, an unspecified one taken as UTC.</summary>
    internal static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    internal static void ValidateEntry(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.GrainId.IsDefault)
        {
            throw new ArgumentException("The reminder entry has no grain id.", nameof(entry));
        }

        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName, nameof(entry));
    }

    private SqliteReminderWorker Worker => Volatile.Read(ref _worker)
        ?? throw new InvalidOperationException("The SQLite reminder table has not been started.");

    // Version 7: unique, so an ETag held from before a remove and a re-register never matches the new row.
    private static string NewETag() => Guid.CreateVersion7().ToString("N");
}
