using Wearables.Twins.Cli.Tests.Infrastructure;

namespace Wearables.Twins.Cli.Tests;

public sealed class VitalsCommandTests
{
    [Fact]
    public async Task Vitals_sends_type_and_escaped_bounds_and_prints_the_samples()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service,
            "vitals", "p-1", "--type", "heart_rate", "--from", "2026-01-10T08:00:00+01:00", "--to", "2026-01-10T09:00:00Z");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var request = Assert.Single(service.Requests);
        Assert.Equal("/api/v1/patients/p-1/vitals", request.Path);
        // '+' must travel as %2B: unescaped, a query string turns it into a space.
        Assert.Equal("?type=heart_rate&from=2026-01-10T08%3A00%3A00%2B01%3A00&to=2026-01-10T09%3A00%3A00Z", request.Query);
        Assert.Contains("heart_rate of patient p-1 from 2026-01-10T08:00:00+01:00 to 2026-01-10T09:00:00+00:00: 2 samples", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("70 /min", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("74.5 /min", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2026-01-10T08:01:00+01:00", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vitals_json_passes_the_body_through()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "vitals", "p-1", "--type", "spo2", "--json");

        Assert.Equal(CannedResponses.Vitals("spo2", null, null), result.Stdout.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("2026-01-10T08:00:00")]
    [InlineData("yesterday")]
    public async Task A_time_without_offset_is_refused_before_anything_is_sent(string from)
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "vitals", "p-1", "--type", "heart_rate", "--from", from);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("error: --from must be an RFC 3339 time with an offset", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task Type_is_required()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "vitals", "p-1");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("--type", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("See 'twins vitals --help'.", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(service.Requests);
    }
}
