using Wearables.Twins.Cli.Api;
using Wearables.Twins.Cli.Output;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Cli.Telemetry;

/// <summary>
/// Builds telemetry envelopes v1 from command-line readings. Only the shape is checked here (which fields a vital
/// needs); ranges and units are left to the service, so that its verdict is what the user sees.
/// </summary>
internal static class EnvelopeFactory
{
    private static readonly string[] ReadingOptions = ["--value", "--systolic", "--diastolic", "--values", "--stage"];

    /// <summary>A fresh message id per send: the service treats a repeated id as a redelivery and stores nothing new.</summary>
    public static string NewMessageId() => $"cli-{Guid.NewGuid():N}";

    public static TelemetryEnvelope Create(string deviceId, SampleInput input, DateTimeOffset now, string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new TelemetryEnvelope
        {
            DeviceId = deviceId,
            MessageId = messageId ?? NewMessageId(),
            SentAt = Rfc3339Text.Format(now),
            Samples = [CreateSample(input, now)],
        };
    }

    public static EnvelopeSample CreateSample(SampleInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!VitalCatalog.TryGet(input.Type, out var vital))
        {
            throw new CliFailure($"unknown vital type '{input.Type}'; use one of: {string.Join(", ", VitalCatalog.All.Select(v => v.Code))}.");
        }

        CheckReadingOptions(vital, input);
        if (vital.Shape == VitalShape.CategoryInterval && input.End is null)
        {
            throw new CliFailure($"{vital.Code} is an interval: give --end as well as --time.");
        }

        return new EnvelopeSample
        {
            Type = vital.Code,
            Time = input.Time ?? Rfc3339Text.Format(now),
            End = input.End,
            Value = input.Value,
            Systolic = input.Systolic,
            Diastolic = input.Diastolic,
            Values = input.Values is { Count: > 0 } values ? [.. values] : null,
            Stage = input.Stage,

            // The canonical unit by default, so `--value 72` alone is a complete heart-rate sample.
            Unit = input.Unit ?? vital.CanonicalUnit,
        };
    }

    private static void CheckReadingOptions(VitalDefinition vital, SampleInput input)
    {
        string[]? needed = vital.Shape switch
        {
            VitalShape.Scalar or VitalShape.Quantity => ["--value"],
            VitalShape.BloodPressure => ["--systolic", "--diastolic"],
            VitalShape.Series => ["--values"],
            VitalShape.CategoryInterval => ["--stage"],

            // A shape added to the catalogue after this CLI: send what was given and let the service judge it.
            _ => null,
        };
        if (needed is null)
        {
            return;
        }

        var given = ReadingOptions.Where(option => IsGiven(option, input)).ToList();
        var missing = needed.Except(given).ToList();
        var extra = given.Except(needed).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            var sentence = $"{vital.Code} takes {string.Join(" and ", needed)}";
            throw new CliFailure(extra.Count > 0 ? $"{sentence}, not {string.Join(", ", extra)}." : $"{sentence}.");
        }
    }

    private static bool IsGiven(string option, SampleInput input) => option switch
    {
        "--value" => input.Value is not null,
        "--systolic" => input.Systolic is not null,
        "--diastolic" => input.Diastolic is not null,
        "--values" => input.Values is { Count: > 0 },
        "--stage" => input.Stage is not null,
        _ => false,
    };
}
