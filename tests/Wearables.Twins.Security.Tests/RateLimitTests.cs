using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wearables.Twins.Security.Access;
using Wearables.Twins.Security.Tests.Hosting;

namespace Wearables.Twins.Security.Tests;

public sealed class RateLimitTests : IAsyncLifetime
{
    private const string Path = "/api/v1/limited";

    private TestWebApp? _app;

    private TestWebApp App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
        => _app = await TestWebApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Twins:Auth:Provider"] = "local",
                ["Twins:Limits:UserRequestsPerSecond"] = "1",
                ["Twins:Limits:UserBurst"] = "2",
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseRateLimiter();
                app.MapGet(Path, () => TypedResults.Ok("ok")).RequireRateLimiting(TwinsPolicies.UserRate);
            });

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ThirdImmediateRequestOfAUserIsRefusedWithRetryAfter_WhileAnotherUserGoesOn()
    {
        var issuer = App.App.Services.GetRequiredService<LocalTokenIssuer>();
        var ada = issuer.Issue(new TokenRequest("dr-ada", TwinsRoles.Clinician, [], null, TimeSpan.FromHours(1)));
        var bob = issuer.Issue(new TokenRequest("dr-bob", TwinsRoles.Clinician, [], null, TimeSpan.FromHours(1)));

        // Bob's first request warms the server up, so Ada's three land well inside one replenishment period.
        using (var warmUp = await GetAsync(bob))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        using var first = await GetAsync(ada);
        using var second = await GetAsync(ada);
        using var third = await GetAsync(ada);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var retryAfter = third.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await third.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("rate_limited", problem.RootElement.GetProperty("reason").GetString());
        Assert.Contains("user", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var bobAgain = await GetAsync(bob);
        Assert.Equal(HttpStatusCode.OK, bobAgain.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await App.Client.SendAsync(request);
    }
}
