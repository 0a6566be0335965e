using System.Net;
using Wearables.Twins.Cli.Api;

namespace Wearables.Twins.Cli.Commands;

/// <summary><c>twins status</c>: is the service up and done replaying its telemetry log (<c>/health/ready</c>)?</summary>
internal sealed class StatusCommand : TwinsCommand
{
    public StatusCommand(CliRuntime runtime)
        : base("status", "Show whether the service is ready (GET /health/ready).", runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await context.Api.GetReadinessAsync(cancellationToken);
        var health = response.Body.Trim() is { Length: > 0 } body ? body : response.Status.ToString();
        if (response.IsSuccess)
        {
            context.Output.Line($"ready: the service at {context.Api.BaseAddress} is ready ({health}).");
            return ExitCodes.Success;
        }

        // 503 is how health checks say "not yet": usually the telemetry log is still being replayed after a start.
        if (response.Status == HttpStatusCode.ServiceUnavailable)
        {
            throw new CliFailure(ExitCodes.Failed,
                $"the service at {context.Api.BaseAddress} is running but not ready ({health}); "
                + "it answers reads once its telemetry log is replayed. Try again shortly.");
        }

        response.EnsureSuccess();
        return ExitCodes.Failed;
    }
}
