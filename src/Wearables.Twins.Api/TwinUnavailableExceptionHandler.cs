using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Messaging;
using Wearables.Twins.Api.Apis;

namespace Wearables.Twins.Api;

/// <summary>
/// While a silo has died but is not yet declared dead, calls to the twins it hosted fail or time out. That is a passing
/// condition, not a server bug: the caller gets 503 with <c>Retry-After</c> (and the reason), so clients and load
/// balancers retry instead of reporting an error.
/// </summary>
internal sealed partial class TwinUnavailableExceptionHandler(ILogger<TwinUnavailableExceptionHandler> logger) : IExceptionHandler
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or ConnectionFailedException))
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        httpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await Problems.Create(StatusCodes.Status503ServiceUnavailable, "twin_unavailable",
                "The silo holding this twin is not answering; the cluster moves it elsewhere within seconds. Retry shortly.")
            .ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(EventId = 2410, Level = LogLevel.Warning, Message = "{Path} answered 503: a twin was unreachable ({Exception}: {Detail})")]
    private static partial void LogUnavailable(ILogger logger, string path, string exception, string detail);
}
