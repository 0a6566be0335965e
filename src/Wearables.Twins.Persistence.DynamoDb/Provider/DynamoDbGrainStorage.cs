using System.Diagnostics;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Orleans grain storage in a DynamoDB table, with ETag-checked (optimistic) writes and clears done as single-item
/// conditional writes. States are Brotli-compressed from <see cref="DynamoDbGrainStorageOptions.CompressionThresholdBytes"/>
/// and split across chunk items when still larger than <see cref="DynamoDbGrainStorageOptions.MaxItemPayloadBytes"/>.
/// </summary>
public sealed class DynamoDbGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly DynamoDbGrainStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activatorProvider;
    private readonly ILogger<DynamoDbGrainStorage> _logger;
    private readonly string _serviceId;
    private AmazonDynamoDBClient? _client;
    private GrainStateTable? _table;

    /// <summary>Creates the provider; it connects in <see cref="InitAsync"/> (at silo start).</summary>
    public DynamoDbGrainStorage(
        string name,
        DynamoDbGrainStorageOptions options,
        IOptions<ClusterOptions> clusterOptions,
        IActivatorProvider activatorProvider,
        ILogger<DynamoDbGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(activatorProvider);
        ArgumentNullException.ThrowIfNull(logger);

        Name = name;
        _options = options;
        _serializer = options.GrainStorageSerializer ?? throw new ArgumentException(
            $"{nameof(DynamoDbGrainStorageOptions)}.{nameof(DynamoDbGrainStorageOptions.GrainStorageSerializer)} of grain storage '{name}' is not set.",
            nameof(options));
        _serviceId = clusterOptions.Value.ServiceId;
        _activatorProvider = activatorProvider;
        _logger = logger;
    }

    /// <summary>The provider name.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(OptionFormattingUtilities.Name<DynamoDbGrainStorage>(Name), _options.InitStage, InitAsync, CloseAsync);
    }

    /// <summary>
    /// Validates the options, connects, and checks the table (creating it when
    /// <see cref="DynamoDbConnectionOptions.CreateIfNotExists"/> is set). The silo calls it at
    /// <see cref="DynamoDbGrainStorageOptions.InitStage"/>.
    /// </summary>
    /// <exception cref="OrleansConfigurationException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The table is missing (and may not be created) or has another key schema.</exception>
    public async Task InitAsync(CancellationToken cancellationToken)
    {
        var problems = DynamoDbGrainStorageOptionsValidator.Validate(_options, Name);
        if (problems.Count > 0)
        {
            throw new OrleansConfigurationException(
                $"DynamoDB grain storage '{Name}' is misconfigured: {string.Join(" ", problems)}");
        }

        var clock = Stopwatch.StartNew();
        var client = DynamoDbClientFactory.Create(_options);
        try
        {
            await DynamoDbTableInitializer.EnsureTableAsync(client, _options, GrainStateItem.Schema, _logger, cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        Volatile.Write(ref _table, new GrainStateTable(client, _options.TableName, _options.MaxItemPayloadBytes, Name, _logger));
        DynamoDbLog.StorageStarted(_logger, Name, _options.TableName, clock.ElapsedMilliseconds);
    }

    /// <summary>Releases the client. The silo calls it on stop, after grains were deactivated.</summary>
    public Task CloseAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Volatile.Write(ref _table, null);
        Interlocked.Exchange(ref _client, null)?.Dispose();
    }

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);

        var key = GrainStateItem.Key(_serviceId, grainId);
        if (await Table.ReadAsync(key, stateName, cancellationToken) is not { } stored)
        {
            ResetState(grainState);
            return;
        }

        T? state;
        try
        {
            var serialized = StatePayloadCodec.Decode(stored.Payload.Bytes, stored.Payload.Encoding, stored.Payload.RawLength);
            state = serialized.Length > 0 ? _serializer.Deserialize<T>(new BinaryData(serialized)) : default;
        }
        catch (Exception ex)
        {
            DynamoDbLog.DeserializationFailed(_logger, ex, Name, stateName, key, stored.ETag);
            throw;
        }

        grainState.State = state ?? CreateState<T>();
        grainState.ETag = stored.ETag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    /// <exception cref="InconsistentStateException">
    /// The stored ETag differs from <see cref="IGrainState{T}.ETag"/> (or, for a first write with a null ETag, an item
    /// already exists); nothing was written.
    /// </exception>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);

        var key = GrainStateItem.Key(_serviceId, grainId);
        var payload = StatePayloadCodec.Encode(_serializer.Serialize(grainState.State).ToMemory(), _options.CompressionThresholdBytes);
        var newETag = NewETag();
        var currentETag = grainState.ETag;
        var outcome = await Table.WriteAsync(key, stateName, currentETag, newETag, payload, cancellationToken);
        if (!outcome.Applied)
        {
            throw Conflict("write", stateName, key, outcome.StoredETag, currentETag);
        }

        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc/>
    /// <exception cref="InconsistentStateException">The stored ETag differs from <see cref="IGrainState{T}.ETag"/>; nothing was deleted.</exception>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);

        var key = GrainStateItem.Key(_serviceId, grainId);
        var currentETag = grainState.ETag;
        var outcome = await Table.DeleteAsync(key, stateName, currentETag, cancellationToken);
        if (!outcome.Applied)
        {
            throw Conflict("clear", stateName, key, outcome.StoredETag, currentETag);
        }

        ResetState(grainState);
    }

    private GrainStateTable Table => Volatile.Read(ref _table)
        ?? throw new InvalidOperationException($"DynamoDB grain storage '{Name}' has not been started (or was stopped).");

    // Version 7: unique (no ABA after a clear and a new first write) and ordered by time.
    private static string NewETag() => Guid.CreateVersion7().ToString("N");

    private InconsistentStateException Conflict(string verb, string stateName, string key, string? storedETag, string? currentETag)
    {
        DynamoDbLog.ETagConflict(_logger, Name, verb, stateName, key, storedETag, currentETag);
        return new InconsistentStateException(
            $"DynamoDB grain storage '{Name}' refused the {verb} of state '{stateName}' for grain {key}: "
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
