using System.Text.Json;
using Wearables.Twins.Cli;
using Wearables.Twins.IntegrationTests.Infrastructure;

namespace Wearables.Twins.IntegrationTests;

/// <summary>The <c>twins</c> command line against the real service.</summary>
[Collection(HostCollection.Name)]
public sealed class CliAgainstHostTests(HostFixture fixture)
{
    private readonly TwinsHostProcess _host = fixture.Host;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task ImportCommandUploadsFollowsTheJobAndPrintsTheReport()
    {
        var patientId = $"{_run}-cli-runner";
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "garmin-fenix-5-run.fit");

        var (exitCode, stdout, stderr) = await TwinsAsync("import", file, "--patient", patientId, "--json");

        Assert.True(exitCode == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal("succeeded", report.RootElement.GetProperty("state").GetString());
        Assert.True(report.RootElement.GetProperty("imported").GetInt64() >= 21);
        Assert.Equal(21, (await _host.Http.HeartRateTimesAsync(patientId)).Count);
    }

    [Fact]
    public async Task SendThenPatientShowsTheValue()
    {
        var (deviceId, patientId) = ($"{_run}-cli-watch", $"{_run}-cli-patient");
        Assert.Equal(0, (await TwinsAsync("bind", deviceId, patientId)).ExitCode);

        var sent = await TwinsAsync("send", deviceId, "--type", "heart_rate", "--value", "77");
        var shown = await TwinsAsync("patient", patientId);

        Assert.True(sent.ExitCode == 0, sent.Stderr);
        Assert.True(shown.ExitCode == 0, shown.Stderr);
        Assert.Contains("77", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("/min", shown.Stdout, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> TwinsAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await TwinsCommandLine.InvokeAsync([.. args, "--url", _host.BaseAddress.ToString(), "--data-dir", _host.DataDirectory], stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
