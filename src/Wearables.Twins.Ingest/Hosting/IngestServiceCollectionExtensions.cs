using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wearables.Twins.Durability;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Ingest.Durability;
using Wearables.Twins.Ingest.Pipeline;

namespace Wearables.Twins.Ingest.Hosting;

/// <summary>Registers the ingest pipeline, the durable telemetry log, replay at start and checkpoints.</summary>
public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Adds ingest. Call after the Orleans silo is added, so the log replays into a running silo and the
    /// final checkpoint runs before the silo stops.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Reads <c>Twins:Ingest</c> and <c>Twins:TelemetryLog</c>.</param>
    /// <param name="dataDirectory">The service's data folder; the log lives in its <c>telemetry-log</c> subfolder by default.</param>
    public static IServiceCollection AddTwinsIngest(
        this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.AddOptions<TelemetryLogOptions>()
            .Configure(o => o.Directory = Path.Combine(dataDirectory, "telemetry-log"))
            .Bind(configuration.GetSection("Twins:TelemetryLog"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryLogOptions>, TelemetryLogOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<TelemetryDecoder>();
        services.AddSingleton<ApplyTracker>();
        services.AddSingleton<TelemetryRouter>();
        services.AddSingleton<BatchApplier>();
        services.AddSingleton<TelemetryIngestor>();

        // Order matters: the log opens, then replay starts, then checkpoints begin (and stop first).
        services.AddSingleton<TelemetryLogHost>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryLogHost>());
        services.AddSingleton<LogReplayService>();
        services.AddHostedService(sp => sp.GetRequiredService<LogReplayService>());
        services.AddSingleton<CheckpointService>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckpointService>());
        return services;
    }
}
