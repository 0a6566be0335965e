using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Gives clients the gateways of a cluster: the active silos of the DynamoDB membership table that have a gateway port.
/// </summary>
public sealed class DynamoDbGatewayListProvider : IGatewayListProvider, IDisposable
{
    private readonly DynamoDbClusteringOptions _options;
    private readonly string _clusterId;
    private readonly ILogger<DynamoDbGatewayListProvider> _logger;
    private AmazonDynamoDBClient? _client;
    private MembershipTableStore? _store;

    /// <summary>Creates the provider; it connects in <see cref="InitializeGatewayListProviderAsync"/>.</summary>
    public DynamoDbGatewayListProvider(
        IOptions<DynamoDbClusteringOptions> options,
        IOptions<ClusterOptions> clusterOptions,
        IOptions<GatewayOptions> gatewayOptions,
        ILogger<DynamoDbGatewayListProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(gatewayOptions);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _clusterId = clusterOptions.Value.ClusterId;
        MaxStaleness = gatewayOptions.Value.GatewayListRefreshPeriod;
        _logger = logger;
    }

    /// <inheritdoc/>
    public TimeSpan MaxStaleness { get; }

    /// <inheritdoc/>
    public bool IsUpdatable => true;

    /// <inheritdoc/>
    public async Task InitializeGatewayListProviderAsync(CancellationToken cancellationToken)
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
        }
        catch
        {
            client.Dispose();
            throw;
        }

        Interlocked.Exchange(ref _client, client)?.Dispose();
        Volatile.Write(ref _store, new MembershipTableStore(client, _options.TableName, _clusterId));
    }

    /// <inheritdoc/>
    public async Task<IList<Uri>> GetGatewaysAsync(CancellationToken cancellationToken)
    {
        var store = Volatile.Read(ref _store)
            ?? throw new InvalidOperationException("The DynamoDB gateway list provider has not been initialized.");
        try
        {
            // A plain read is enough here: a client only needs some live gateways and refreshes every MaxStaleness.
            var items = await store.ReadPartitionAsync(_clusterId, cancellationToken);
            return items
                .Where(item => item.GetString(MembershipRow.Row) != MembershipRow.VersionRowKey)
                .Select(MembershipEntryCodec.FromItem)
                .Where(entry => entry.Status == SiloStatus.Active && entry.ProxyPort > 0)
                .Select(entry => SiloAddress.New(entry.SiloAddress.Endpoint.Address, entry.ProxyPort, entry.SiloAddress.Generation).ToGatewayUri())
                .ToList();
        }
        catch (AmazonDynamoDBException ex)
        {
            DynamoDbLog.GatewayListFailed(_logger, ex, _options.TableName);
            throw;
        }
    }

    /// <inheritdoc/>
    [Obsolete("Use InitializeGatewayListProviderAsync instead.")]
    public Task InitializeGatewayListProvider() => InitializeGatewayListProviderAsync(CancellationToken.None);

    /// <inheritdoc/>
    [Obsolete("Use GetGatewaysAsync instead.")]
    public Task<IList<Uri>> GetGateways() => GetGatewaysAsync(CancellationToken.None);

    /// <inheritdoc/>
    public void Dispose()
    {
        Volatile.Write(ref _store, null);
        Interlocked.Exchange(ref _client, null)?.Dispose();
    }
}
