using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>
/// Orleans grain storage in one SQLite file, with ETag-checked (optimistic) writes and clears. All SQLite work runs on
/// one dedicated background thread; concurrent writes are committed together in one transaction.
/// </summary>
/// <remarks>
/// Rows are keyed by the state name Orleans passes (the <c>grain_type</c> column, as Orleans providers name it) and
/// by the full <see cref="GrainId"/> (<c>grain_id</c>, which includes the grain type).
/// </remarks>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable, IDisposable
{
    private readonly SqliteGrainStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activatorProvider;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private SqliteStateStore? _store;

    /// <summary>Creates the provider; it opens the database in <see cref="InitAsync"/> (at silo start).</summary>
    /// <param name="name">The provider name, as used in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="options">The provider options; <see cref="SqliteGrainStorageOptions.GrainStorageSerializer"/> must be set.</param>
    /// <param name="activatorProvider">Creates the empty state of a grain without stored state.</param>
    /// <param name="logger">The logger.</param>
    public SqliteGrainStorage(
        string name,
        SqliteGrainStorageOptions options,
        IActivatorProvider activatorProvider,
        ILogger<SqliteGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(activatorProvider);
        ArgumentNullException.ThrowIfNull(logger);

        Name = name;
        _options = options;
        _serializer = options.GrainStorageSerializer ?? throw new ArgumentException(
            $"{nameof(SqliteGrainStorageOptions)}.{nameof(SqliteGrainStorageOptions.GrainStorageSerializer)} of grain storage '{name}' is not set.",
            nameof(options));
        _activatorProvider = activatorProvider;
        _logger = logger;
    }

    /// <summary>The provider name.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(OptionFormattingUtilities.Name<SqliteGrainStorage>(Name), _options.InitStage, InitAsync, CloseAsync);
    }

    /// <summary>
    /// Validates the options, then starts the worker, which creates the directory if missing, opens the database in
    /// WAL mode and creates the <c>grain_state</c> table. The silo calls it at <see cref="SqliteGrainStorageOptions.InitStage"/>.
    /// </summary>
    /// <exception cref="OrleansConfigurationException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The provider was already started or stopped.</exception>
    public Task InitAsync(CancellationToken cancellationToken)
    {
        var problems = SqliteGrainStorageOptionsValidator.Validate(_options, Name);
        if (problems.Count > 0)
        {
            throw new OrleansConfigurationException(
                $"SQLite grain storage '{Name}' is misconfigured: {string.Join(" ", problems)}");
        }

        var store = new SqliteStateStore(Name, _options.DatabasePath, _options.MaxBatchSize, _options.BusyTimeout, _logger);
        if (Interlocked.CompareExchange(ref _store, store, null) is not null)
        {
            throw new InvalidOperationException($"SQLite grain storage '{Name}' was already started.");
        }

        return store.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Refuses new operations, applies every queued one, and closes the connection. The silo calls it on stop, after
    /// grains were deactivated. Safe to call more than once.
    /// </summary>
    public Task CloseAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _store) is { } store ? store.StopAsync(cancellationToken) : Task.CompletedTask;

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();

        var key = grainId.ToString();
        var result = await Store.EnqueueAsync(
            new StoreRequest(StoreOperation.Read, stateName, key, null, null, null, cancellationToken));

        if (result.Status != StoreStatus.Found)
        {
            ResetState(grainState);
            return;
        }

        T? state;
        try
        {
            state = result.Payload is { Length: > 0 } payload ? _serializer.Deserialize<T>(new BinaryData(payload)) : default;
        }
        catch (Exception ex)
        {
            SqliteGrainStorageLog.DeserializationFailed(_logger, ex, Name, stateName, key, result.ETag);
            throw;
        }

        grainState.State = state ?? CreateState<T>();
        grainState.ETag = result.ETag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    /// <exception cref="InconsistentStateException">
    /// The stored ETag differs from <see cref="IGrainState{T}.ETag"/> (or, for a first write with a null ETag, a row
    /// already exists); nothing was written.
    /// </exception>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();

        var key = grainId.ToString();
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var newETag = NewETag();
        var currentETag = grainState.ETag;
        var result = await Store.EnqueueAsync(
            new StoreRequest(StoreOperation.Write, stateName, key, currentETag, payload, newETag, cancellationToken));

        if (result.Status == StoreStatus.Conflict)
        {
            throw Conflict(StoreOperation.Write, stateName, key, result.ETag, currentETag);
        }

        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    /// <exception cref="InconsistentStateException">
    /// The stored ETag differs from <see cref="IGrainState{T}.ETag"/>; nothing was deleted.
    /// </exception>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();

        var key = grainId.ToString();
        var currentETag = grainState.ETag;
        var result = await Store.EnqueueAsync(
            new StoreRequest(StoreOperation.Clear, stateName, key, currentETag, null, null, cancellationToken));

        if (result.Status == StoreStatus.Conflict)
        {
            throw Conflict(StoreOperation.Clear, stateName, key, result.ETag, currentETag);
        }

        ResetState(grainState);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await CloseAsync(CancellationToken.None);

    /// <inheritdoc/>
    public void Dispose()
    {
        // Drains the queue: blocks until the worker has applied what was queued and closed the connection.
        CloseAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private SqliteStateStore Store => Volatile.Read(ref _store)
        ?? throw new InvalidOperationException($"SQLite grain storage '{Name}' has not been started.");

    // Version 7: unique (no ABA after a clear and a new first write) and ordered by time, which helps when reading the table.
    private static string NewETag() => Guid.CreateVersion7().ToString("N");

    private InconsistentStateException Conflict(StoreOperation operation, string stateName, string grainId, string? storedETag, string? currentETag)
    {
        var verb = SqliteStateStore.Describe(operation);
        SqliteGrainStorageLog.ETagConflict(_logger, Name, verb, stateName, grainId, storedETag, currentETag);
        return new InconsistentStateException(
            $"SQLite grain storage '{Name}' refused the {verb} of state '{stateName}' for grain {grainId}: "
            + $"the stored ETag is {storedETag ?? "(no record)"}, the grain holds {currentETag ?? "(none)"}.",
            storedETag,
            currentETag);
    }

    private void ResetState<T>(IGrainState<T> grainState)
    {
        grainState.State = CreateState<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private T CreateState<T>() => _activatorProvider.GetActivator<T>().Create();
}
