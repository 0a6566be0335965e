using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Durability.Tests;

public sealed class OptionsValidatorTests
{
    private readonly TelemetryLogOptionsValidator _validator = new();

    [Fact]
    public void Defaults_with_a_directory_are_valid()
    {
        var result = _validator.Validate(Options.DefaultName, new TelemetryLogOptions { Directory = "/var/lib/twins/telemetry-log" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_naming_its_setting()
    {
        var options = new TelemetryLogOptions { Directory = " ", SegmentSizeBytes = 0, MaxRecordBytes = 0, MaxBatchBytes = 0 };

        var failures = _validator.Validate(Options.DefaultName, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Twins:TelemetryLog:Directory ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Twins:TelemetryLog:SegmentSizeBytes ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Twins:TelemetryLog:MaxRecordBytes ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Twins:TelemetryLog:MaxBatchBytes ", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.EndsWith(".", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_that_do_not_fit_together_are_each_reported()
    {
        var options = new TelemetryLogOptions { Directory = "log", MaxRecordBytes = 100, MaxBatchBytes = 50, SegmentSizeBytes = 60 };

        var failures = _validator.Validate(Options.DefaultName, options).Failures!.ToList();

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Twins:TelemetryLog:MaxBatchBytes (50)", StringComparison.Ordinal) && f.Contains("(108)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Twins:TelemetryLog:SegmentSizeBytes (60)", StringComparison.Ordinal) && f.Contains("(108)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_batch_larger_than_one_GiB_is_refused()
    {
        var options = new TelemetryLogOptions { Directory = "log", MaxBatchBytes = TelemetryLogOptionsValidator.MaxBatchBytesLimit + 1 };

        var failure = Assert.Single(_validator.Validate(Options.DefaultName, options).Failures!);

        Assert.StartsWith("Twins:TelemetryLog:MaxBatchBytes must be between 1 and", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_refuses_invalid_options()
    {
        var options = new TelemetryLogOptions { Directory = string.Empty, MaxRecordBytes = 0 };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => SegmentedTelemetryLog.OpenAsync(options, NullLogger<SegmentedTelemetryLog>.Instance, CancellationToken.None));

        Assert.Equal(2, error.Failures.Count());
    }
}
