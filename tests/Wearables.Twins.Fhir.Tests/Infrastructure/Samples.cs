using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir.Tests.Infrastructure;

/// <summary>A plausible sample of every vital, and the ingest decoder that turns envelope samples back into samples.</summary>
public static class Samples
{
    /// <summary>Recent, with a non-UTC offset so that keeping the offset is tested.</summary>
    public static readonly DateTimeOffset Time = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-2).AddHours(8).AddMinutes(15), TimeSpan.Zero)
        .ToOffset(TimeSpan.FromHours(2));

    public static readonly TelemetryDecoder Decoder = new(
        Options.Create(new IngestOptions { MaxSampleAge = TimeSpan.FromDays(36500) }), TimeProvider.System);

    public static IEnumerable<object[]> EveryVital() => VitalCatalog.All.Select(v => new object[] { v.Code });

    public static VitalSample For(VitalDefinition vital, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(vital);
        var time = at ?? Time;
        var mid = Math.Round(vital.Min + ((vital.Max - vital.Min) / 3), 1);
        return vital.Shape switch
        {
            VitalShape.Scalar when vital.Qualifiers.Count > 0 => VitalSample.Scalar(vital.Type, time, 64) with { Qualifier = 1 },
            VitalShape.Scalar => VitalSample.Scalar(vital.Type, time, mid),
            VitalShape.Quantity => new VitalSample(vital.Type, time, time.AddMinutes(1), 96, double.NaN, []),
            VitalShape.BloodPressure => new VitalSample(vital.Type, time, null, 121, 79, []),
            VitalShape.Series => new VitalSample(vital.Type, time, null, (812 + 790 + 805.5) / 3, double.NaN, [812, 790, 805.5]),
            VitalShape.CategoryInterval => new VitalSample(vital.Type, time, time.AddMinutes(30), 2, double.NaN, []),
            VitalShape.Category => new VitalSample(vital.Type, time, null, vital.Categories.Count - 1, double.NaN, []),
            VitalShape.Recording => new VitalSample(vital.Type, time, time.AddMilliseconds(30), 72, 1, [10, -20.5, 30]),
            _ => throw new InvalidOperationException(vital.Code),
        };
    }

    /// <summary>Validates one envelope sample with the live ingest rules and returns the canonical sample.</summary>
    public static VitalSample Decode(EnvelopeSample sample)
    {
        var decoded = Decoder.Decode(new TelemetryEnvelope { DeviceId = "test-device", MessageId = "m-1", Samples = [sample] });
        Assert.Null(decoded.Problem);
        var verdict = Assert.Single(decoded.Verdicts);
        Assert.True(verdict.Status == SampleStatus.Accepted, $"{verdict.Reason}: {verdict.Detail}");
        return Assert.Single(decoded.Accepted);
    }

    public static void Equal(VitalSample expected, VitalSample actual)
    {
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Time.Offset, actual.Time.Offset);
        Assert.Equal(expected.End, actual.End);
        Assert.Equal(expected.End?.Offset, actual.End?.Offset);
        Assert.Equal(expected.Value, actual.Value, 9);
        Assert.Equal(expected.Value2, actual.Value2, 9);
        Assert.Equal(expected.Series.IsDefault ? [] : expected.Series.ToArray(), actual.Series.IsDefault ? [] : actual.Series.ToArray());
        Assert.Equal(expected.Qualifier, actual.Qualifier);
    }
}
