using Wearables.Twins.Cli.Tests.Infrastructure;

namespace Wearables.Twins.Cli.Tests;

public sealed class PatientCommandTests
{
    [Fact]
    public async Task Patient_prints_latest_vitals_with_units_times_and_counts()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "patient", "p-1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("", result.Stderr);
        Assert.Contains("Patient p-1 · wearables: w-1 · 42 samples · last update 2026-01-10T08:05:00+01:00", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("72 /min", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2026-01-10T08:05:00+01:00", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("121/79 mm[Hg]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("812 {steps}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("5321 {steps}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2026-01-10T07:00:00+01:00 → 2026-01-10T08:00:00+01:00", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("/api/v1/patients/p-1", Assert.Single(service.Requests).Path);
    }

    [Fact]
    public async Task Patient_rows_follow_the_catalogue_order()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var stdout = (await TwinsCli.RunAsync(service, "patient", "p-1")).Stdout;

        var heartRate = stdout.IndexOf("heart_rate", StringComparison.Ordinal);
        var bloodPressure = stdout.IndexOf("blood_pressure", StringComparison.Ordinal);
        var steps = stdout.IndexOf("steps ", StringComparison.Ordinal);
        Assert.True(heartRate < bloodPressure && bloodPressure < steps, stdout);
    }

    [Fact]
    public async Task Patient_json_passes_the_service_body_through_unchanged()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "patient", "p-1", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(CannedResponses.Patient + "\n", result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Unknown_patient_prints_the_problem_on_stderr_and_exits_1()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "patient", "nobody");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("error: Not found. — No patient 'nobody' is known. (not_found)", result.Stderr.TrimEnd());
    }

    [Fact]
    public async Task Patient_ids_are_escaped_in_the_path()
    {
        await using var service = await FakeTwinsService.StartAsync();

        await TwinsCli.RunAsync(service, "patient", "a/b c");

        Assert.Equal("/api/v1/patients/a%2Fb%20c", Assert.Single(service.Requests).RawTarget);
    }
}
