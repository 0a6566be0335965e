using System.Text.Json;
using Wearables.Twins.Cli.Tests.Infrastructure;

namespace Wearables.Twins.Cli.Tests;

public sealed class WearableCommandTests
{
    [Fact]
    public async Task Wearable_prints_binding_device_and_counters()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "wearable", "w-1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("p-1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Acme Pulse 2 1.4.0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("87 %", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2026-01-10T08:05:00+01:00", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wearable_json_passes_the_body_through()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "wearable", "w-1", "--json");

        Assert.Equal(CannedResponses.Wearable, result.Stdout.TrimEnd('\n'));
    }

    [Fact]
    public async Task Unknown_wearable_exits_1_with_the_problem()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "wearable", "w-404");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("No wearable 'w-404' is known. (not_found)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bind_puts_the_patient_id_as_json()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "bind", "w-9", "p-7");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var request = Assert.Single(service.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/api/v1/wearables/w-9/patient", request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("p-7", body.RootElement.GetProperty("patientId").GetString());
        Assert.Single(body.RootElement.EnumerateObject());
        Assert.Contains("Bound wearable w-9 to patient p-7.", result.Stdout, StringComparison.Ordinal);
    }
}
