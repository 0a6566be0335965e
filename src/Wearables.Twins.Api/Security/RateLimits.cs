using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Wearables.Twins.Api.Apis;
using Wearables.Twins.Security.Access;

namespace Wearables.Twins.Api.Security;

/// <summary>
/// Per-device and per-person token buckets, keyed by the authenticated identity (never by address, which a ward's NAT
/// shares). Refusals are 429 problems with <c>Retry-After</c> and reason <c>rate_limited</c>.
/// </summary>
public static class RateLimits
{
    internal static void Add(RateLimiterOptions limiter, RateLimitOptions limits)
    {
        limiter.AddPolicy(TwinsPolicies.DeviceRate, http => Bucket("device:" + Key(http), limits.DeviceRequestsPerSecond, limits.DeviceBurst));
        limiter.AddPolicy(TwinsPolicies.UserRate, http => Bucket("user:" + Key(http), limits.UserRequestsPerSecond, limits.UserBurst));
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Problems.Create(StatusCodes.Status429TooManyRequests, "rate_limited",
                    $"Too many requests from this {(context.HttpContext.User.FindFirst("role")?.Value == "device" ? "device" : "user")}; retry after {seconds} s.")
                .ExecuteAsync(context.HttpContext);
        };
    }

    private static RateLimitPartition<string> Bucket(string key, int perSecond, int burst)
        => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(burst, perSecond),
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static string Key(HttpContext http) => Caller.From(http.User)?.Subject ?? "anonymous";
}
