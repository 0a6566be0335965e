using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wearables.Twins.Cli.Tests.Infrastructure;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Cli.Tests;

public sealed partial class SendCommandTests
{
    [Fact]
    public async Task Send_posts_a_valid_envelope_and_prints_the_report()
    {
        await using var service = await FakeTwinsService.StartAsync();
        var before = DateTimeOffset.Now;

        var result = await TwinsCli.RunAsync(service, "send", "w-1", "--type", "heart_rate", "--value", "72");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var request = Assert.Single(service.Requests);
        Assert.Equal(("POST", "/api/v1/telemetry"), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);

        var envelope = Decode(request.Body);
        Assert.Equal(TelemetryEnvelope.SchemaV1, envelope.Schema);
        Assert.Equal("w-1", envelope.DeviceId);
        Assert.Matches(IdAlphabet(), envelope.MessageId);
        var sample = Assert.Single(envelope.Samples);
        Assert.Equal("heart_rate", sample.Type);
        Assert.Equal(72, sample.Value);
        Assert.Equal("/min", sample.Unit);
        Assert.Null(sample.Systolic);
        Assert.Matches(Rfc3339WithOffset(), sample.Time);
        var time = DateTimeOffset.Parse(sample.Time!, CultureInfo.InvariantCulture);
        Assert.InRange(time, before.AddSeconds(-1), DateTimeOffset.Now.AddSeconds(1));
        Assert.Equal(DateTimeOffset.Now.Offset, time.Offset);

        Assert.Contains($"Message {envelope.MessageId} from device w-1: stored — accepted 1, rejected 0, duplicates 0", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"│ 0 │ heart_rate\s+│ accepted\s+│", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Send_passes_the_given_time_and_unit_unchanged()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service,
            "send", "w-1", "--type", "heart_rate", "--value", "64.5", "--unit", "bpm", "--time", "2026-01-10T08:00:00.250-05:00");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var sample = Assert.Single(Decode(Assert.Single(service.Requests).Body).Samples);
        Assert.Equal(("2026-01-10T08:00:00.250-05:00", "bpm", 64.5), (sample.Time, sample.Unit, sample.Value));
    }

    [Fact]
    public async Task Every_send_gets_a_fresh_message_id()
    {
        await using var service = await FakeTwinsService.StartAsync();

        await TwinsCli.RunAsync(service, "send", "w-1", "--type", "spo2", "--value", "97");
        await TwinsCli.RunAsync(service, "send", "w-1", "--type", "spo2", "--value", "97");

        var ids = service.Requests.Select(r => Decode(r.Body).MessageId).ToList();
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task Blood_pressure_sends_systolic_and_diastolic_in_its_canonical_unit()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "send", "w-1", "--type", "blood_pressure", "--systolic", "120", "--diastolic", "80");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var sample = Assert.Single(Decode(Assert.Single(service.Requests).Body).Samples);
        Assert.Equal((120.0, 80.0, "mm[Hg]"), (sample.Systolic, sample.Diastolic, sample.Unit));
        Assert.Null(sample.Value);
    }

    [Fact]
    public async Task A_rejected_sample_is_reported_and_exits_1()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "send", "w-1", "--type", "heart_rate", "--value", "-5");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("nothing_stored — accepted 0, rejected 1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("implausible_value", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("error: 1 of 1 samples were rejected.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_envelope_prints_the_problem_and_exits_1()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "send", FakeTwinsService.RefusedDevice, "--type", "heart_rate", "--value", "70");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal(
            "error: The request is not allowed. — The envelope's deviceId does not match the topic. (device_mismatch)",
            result.Stderr.TrimEnd());
    }

    [Fact]
    public async Task Send_json_prints_the_raw_report()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "send", "w-1", "--type", "heart_rate", "--value", "72", "--json");

        using var report = JsonDocument.Parse(result.Stdout);
        Assert.Equal("stored", report.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(1, report.RootElement.GetProperty("accepted").GetInt32());
    }

    [Theory]
    [InlineData("blood_pressure", "--value", "120", "blood_pressure takes --systolic and --diastolic, not --value.")]
    [InlineData("heart_rate", "--systolic", "120", "heart_rate takes --value, not --systolic.")]
    [InlineData("glucose", "--value", "5", "unknown vital type 'glucose'")]
    public async Task Readings_that_do_not_fit_the_vital_are_refused_before_sending(string type, string option, string value, string error)
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsync(service, "send", "w-1", "--type", type, option, value);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains(error, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(service.Requests);
    }

    private static TelemetryEnvelope Decode(string body)
        => JsonSerializer.Deserialize(body, TelemetryJsonContext.Default.TelemetryEnvelope)
            ?? throw new InvalidOperationException("The body is JSON null.");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339WithOffset();

    [GeneratedRegex(@"^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex IdAlphabet();
}
