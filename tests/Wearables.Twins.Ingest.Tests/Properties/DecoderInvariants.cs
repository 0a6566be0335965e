using System.Buffers;
using System.Globalization;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Ingest.Tests.Decoding;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>What holds for every decoding, whatever the input, and how two decodings are compared.</summary>
internal static class DecoderInvariants
{
    /// <summary>Reasons that refuse a whole envelope (docs/telemetry.md); device_mismatch is the router's, not the decoder's.</summary>
    public static readonly HashSet<string> EnvelopeReasons =
    [
        RejectReasons.PayloadTooLarge, RejectReasons.MalformedJson, RejectReasons.UnsupportedSchema, RejectReasons.InvalidDeviceId,
        RejectReasons.InvalidMessageId, RejectReasons.NoSamples, RejectReasons.TooManySamples, RejectReasons.UnknownSource,
    ];

    /// <summary>Reasons that reject one sample.</summary>
    public static readonly HashSet<string> SampleReasons =
    [
        RejectReasons.MalformedSample, RejectReasons.UnknownType, RejectReasons.MissingUnit, RejectReasons.WrongUnit,
        RejectReasons.MissingValue, RejectReasons.ImplausibleValue, RejectReasons.InvalidTimestamp, RejectReasons.FutureTimestamp,
        RejectReasons.TooOld, RejectReasons.InvalidInterval, RejectReasons.SeriesTooLong, RejectReasons.UnknownCategory,
        RejectReasons.UnknownContext, RejectReasons.UnknownSource,
    ];

    private static readonly IngestOptions Limits = new();

    /// <summary>
    /// Generated envelopes may carry an ECG of 16k voltages (a series_too_long case), indented: the payload limit is
    /// raised so that such a case is judged by its samples, not by its size.
    /// </summary>
    public static readonly TelemetryDecoder GeneratedCaseDecoder = Envelopes.Decoder(new IngestOptions { MaxPayloadBytes = 8 << 20 });

    public static DecodedEnvelope Decode(TelemetryDecoder decoder, byte[] payload) => decoder.Decode(new ReadOnlySequence<byte>(payload));

    /// <summary>
    /// Either a refused envelope with an envelope reason and a sentence, or one verdict per sample in order: accepted
    /// and duplicates without a reason, rejections with a sample reason and a sentence; the accepted samples are
    /// plausible, inside the time window and exactly the ones with an accepted verdict.
    /// </summary>
    public static void AssertWellFormed(DecodedEnvelope decoded)
    {
        if (decoded.Problem is { } problem)
        {
            Assert.Contains(problem.Reason, EnvelopeReasons);
            Assert.False(string.IsNullOrWhiteSpace(problem.Detail), "An envelope problem needs a detail.");
            Assert.Empty(decoded.Accepted);
            Assert.Empty(decoded.Verdicts);
            return;
        }

        Assert.True(Identifiers.IsValid(decoded.DeviceId), $"Decoded device id '{decoded.DeviceId}' is not valid.");
        Assert.True(Identifiers.IsValid(decoded.MessageId), $"Decoded message id '{decoded.MessageId}' is not valid.");
        Assert.NotEmpty(decoded.Verdicts);
        for (var i = 0; i < decoded.Verdicts.Length; i++)
        {
            var verdict = decoded.Verdicts[i];
            Assert.Equal(i, verdict.Index);
            if (verdict.Status == SampleStatus.Rejected)
            {
                Assert.True(verdict.Reason is not null && SampleReasons.Contains(verdict.Reason), $"Sample {i}: reason '{verdict.Reason}' is not a sample reason.");
                Assert.False(string.IsNullOrWhiteSpace(verdict.Detail), $"Sample {i} ({verdict.Reason}) has no detail.");
            }
            else
            {
                Assert.Null(verdict.Reason);
            }
        }

        Assert.Equal(decoded.Verdicts.Count(v => v.Status == SampleStatus.Accepted), decoded.Accepted.Length);
        foreach (var sample in decoded.Accepted)
        {
            AssertPlausible(sample);
        }
    }

    public static void AssertSameDecoding(DecodedEnvelope expected, DecodedEnvelope actual)
    {
        Assert.Equal(expected.Problem, actual.Problem);
        Assert.Equal(expected.DeviceId, actual.DeviceId);
        Assert.Equal(expected.MessageId, actual.MessageId);
        Assert.Equal(expected.Device, actual.Device);
        Assert.Equal(expected.Verdicts.AsEnumerable(), actual.Verdicts.AsEnumerable());
        Assert.Equal(expected.Accepted.Select(Describe), actual.Accepted.Select(Describe));
    }

    /// <summary>Every member, the time and end with their offsets; NaN equals NaN.</summary>
    public static string Describe(VitalSample sample)
        => string.Create(CultureInfo.InvariantCulture,
            $"{sample.Type.Code} {Rfc3339Times.Exact(sample.Time)}..{(sample.End is { } end ? Rfc3339Times.Exact(end) : "-")} value {sample.Value:R} value2 {sample.Value2:R} series [{string.Join(' ', sample.Series.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}] qualifier {sample.Qualifier} source {sample.Source}");

    private static void AssertPlausible(VitalSample sample)
    {
        var vital = sample.Type.Definition;
        var now = Envelopes.Now;
        Assert.InRange(sample.Time, now - Limits.MaxSampleAge, now + Limits.MaxFutureSkew);
        if (sample.End is { } end)
        {
            Assert.True(end > sample.Time && end <= now + Limits.MaxFutureSkew, $"End {end:O} of {Describe(sample)}");
        }

        switch (vital.Shape)
        {
            case VitalShape.Scalar or VitalShape.Quantity or VitalShape.BloodPressure:
                Assert.True(vital.IsPlausible(sample.Value), Describe(sample));
                Assert.True(vital.Shape != VitalShape.BloodPressure || (vital.IsPlausible(sample.Value2) && sample.Value2 < sample.Value), Describe(sample));
                break;
            case VitalShape.Series:
                Assert.True(sample.Series.Length is > 0 && sample.Series.Length <= vital.MaxSeriesLength, Describe(sample));
                Assert.All(sample.Series, v => Assert.True(vital.IsPlausible(v), Describe(sample)));
                break;
            case VitalShape.Recording:
                Assert.True(sample.End is not null && sample.Series.Length <= vital.MaxSeriesLength, Describe(sample));
                Assert.True(double.IsNaN(sample.Value) || VitalCatalog.HeartRate.IsPlausible(sample.Value), Describe(sample));
                Assert.All(sample.Series, v => Assert.True(vital.IsPlausible(v), Describe(sample)));
                break;
            default:
                Assert.InRange(sample.Value, 0, vital.Categories.Count - 1);
                Assert.True(vital.Shape != VitalShape.CategoryInterval || sample.End is not null, Describe(sample));
                break;
        }
    }
}
