using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.Durability;

namespace Wearables.Twins.Ingest.Durability;

/// <summary>Opens the telemetry log (recovering a torn tail) before anything can ingest, and closes it last.</summary>
public sealed class TelemetryLogHost(
    IOptions<TelemetryLogOptions> options, ILogger<SegmentedTelemetryLog> logger) : IHostedService, IAsyncDisposable
{
    private SegmentedTelemetryLog? _log;

    public ITelemetryLog Log => _log ?? throw new InvalidOperationException("The telemetry log is not open yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
        => _log = await SegmentedTelemetryLog.OpenAsync(options.Value, logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_log is not null)
        {
            await _log.DisposeAsync();
            _log = null;
        }
    }
}
