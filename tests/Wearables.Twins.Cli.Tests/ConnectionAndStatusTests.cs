using Wearables.Twins.Cli.Tests.Infrastructure;

namespace Wearables.Twins.Cli.Tests;

public sealed class ConnectionAndStatusTests
{
    [Fact]
    public async Task Connection_refused_names_the_url_and_how_to_start_the_service()
    {
        var url = $"http://127.0.0.1:{TwinsCli.FreePort()}";

        var result = await TwinsCli.RunAsync("patient", "p-1", "--url", url);

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"error: cannot reach the Wearables.Twins service at {url}/ (connection refused).", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Wearables.Twins.Host", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Status_reports_a_ready_service()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "status");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal($"ready: the service at {service.Url} is ready (Healthy).", result.Stdout.TrimEnd());
        Assert.Equal("/health/ready", Assert.Single(service.Requests).Path);
    }

    [Fact]
    public async Task Status_of_a_service_still_replaying_exits_1()
    {
        await using var service = await FakeTwinsService.StartAsync();
        service.Ready = false;

        var result = await TwinsCli.RunAsync(service, "status");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("is running but not ready (Unhealthy)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_without_problem_json_shows_the_status_and_body()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "patient", "crash");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("answered HTTP 500 InternalServerError: Something broke.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twins_url_from_the_environment_is_used_and_url_overrides_it()
    {
        await using var service = await FakeTwinsService.StartAsync();
        var unreachable = $"http://127.0.0.1:{TwinsCli.FreePort()}";
        string? Environment(string name) => name == TwinsCommandLine.UrlVariable ? service.Url.ToString() : null;

        var fromEnvironment = await InvokeAsync(["status"], Environment);
        var overridden = await InvokeAsync(["status", "--url", unreachable], Environment);

        Assert.Equal(ExitCodes.Success, fromEnvironment);
        Assert.Equal(ExitCodes.Unreachable, overridden);
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task A_url_with_a_path_prefix_keeps_the_prefix()
    {
        await using var service = await FakeTwinsService.StartAsync();

        await TwinsCli.RunAsync("status", "--url", new Uri(service.Url, "/twins").ToString());

        Assert.Equal("/twins/health/ready", Assert.Single(service.Requests).RawTarget);
    }

    [Fact]
    public async Task An_invalid_url_is_a_usage_error()
    {
        var result = await TwinsCli.RunAsync("status", "--url", "localhost:5080");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("error: --url must be an absolute http(s) URL", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var result = await TwinsCli.RunAsync();

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var command in new[] { "status", "patient", "vitals", "wearable", "bind", "send", "devices", "--url" })
        {
            Assert.Contains(command, result.Stdout, StringComparison.Ordinal);
        }
    }

    private static async Task<int> InvokeAsync(string[] args, Func<string, string?> environment)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        return await TwinsCommandLine.InvokeAsync(args, stdout, stderr, environment, CancellationToken.None);
    }
}
