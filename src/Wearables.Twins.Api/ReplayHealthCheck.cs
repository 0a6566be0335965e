using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wearables.Twins.Ingest.Durability;

namespace Wearables.Twins.Api;

/// <summary>Not ready until the telemetry log has been replayed: reads before that could miss acknowledged samples.</summary>
public sealed class ReplayHealthCheck(LogReplayService replay) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var completion = replay.Completion;
        return Task.FromResult(completion.Status switch
        {
            TaskStatus.RanToCompletion => HealthCheckResult.Healthy("The telemetry log is replayed."),
            TaskStatus.Faulted or TaskStatus.Canceled => HealthCheckResult.Unhealthy("Replaying the telemetry log failed.", completion.Exception),
            _ => HealthCheckResult.Unhealthy("Replaying the telemetry log."),
        });
    }
}
