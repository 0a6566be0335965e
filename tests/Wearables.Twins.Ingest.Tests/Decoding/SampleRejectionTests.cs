using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Vitals;
using static Wearables.Twins.Ingest.Tests.Decoding.Envelopes;

namespace Wearables.Twins.Ingest.Tests.Decoding;

/// <summary>
/// Every per-sample reason, each time sandwiched between two valid samples: a bad sample is refused alone,
/// with its own index, and never sinks its neighbours.
/// </summary>
public sealed class SampleRejectionTests
{
    public static TheoryData<string, string> BadSamples => new()
    {
        // unknown_type
        { RejectReasons.UnknownType, """{"type":"heart_beat","time":"2026-11-27T10:00:00Z","value":70,"unit":"/min"}""" },
        { RejectReasons.UnknownType, """{"type":"Heart_Rate","time":"2026-11-27T10:00:00Z","value":70,"unit":"/min"}""" },
        { RejectReasons.UnknownType, """{"time":"2026-11-27T10:00:00Z","value":70,"unit":"/min"}""" },
        { RejectReasons.UnknownType, """{"type":"","time":"2026-11-27T10:00:00Z","value":70,"unit":"/min"}""" },

        // missing_unit
        { RejectReasons.MissingUnit, """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":70}""" },
        { RejectReasons.MissingUnit, """{"type":"spo2","time":"2026-11-27T10:00:00Z","value":97,"unit":""}""" },
        { RejectReasons.MissingUnit, """{"type":"rr_intervals","time":"2026-11-27T10:00:00Z","values":[800]}""" },

        // wrong_unit
        { RejectReasons.WrongUnit, """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":70,"unit":"Cel"}""" },
        { RejectReasons.WrongUnit, """{"type":"spo2","time":"2026-11-27T10:00:00Z","value":0.97,"unit":"ratio"}""" },
        { RejectReasons.WrongUnit, """{"type":"body_temperature","time":"2026-11-27T10:00:00Z","value":310,"unit":"K"}""" },

        // missing_value
        { RejectReasons.MissingValue, """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","unit":"/min"}""" },
        { RejectReasons.MissingValue, """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":null,"unit":"/min"}""" },
        { RejectReasons.MissingValue, """{"type":"blood_pressure","time":"2026-11-27T10:00:00Z","systolic":120,"unit":"mm[Hg]"}""" },
        { RejectReasons.MissingValue, """{"type":"blood_pressure","time":"2026-11-27T10:00:00Z","diastolic":80,"unit":"mm[Hg]"}""" },
        { RejectReasons.MissingValue, """{"type":"rr_intervals","time":"2026-11-27T10:00:00Z","values":[],"unit":"ms"}""" },
        { RejectReasons.MissingValue, """{"type":"rr_intervals","time":"2026-11-27T10:00:00Z","unit":"ms"}""" },
        { RejectReasons.MissingValue, """{"type":"steps","time":"2026-11-27T10:00:00Z","end":"2026-11-27T10:05:00Z","unit":"{steps}"}""" },

        // unknown_source
        { RejectReasons.UnknownSource, """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":70,"unit":"/min","source":"smartwatch"}""" },

        // implausible_value
        { RejectReasons.ImplausibleValue, """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":19,"unit":"/min"}""" },
        { RejectReasons.ImplausibleValue, """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":301,"unit":"bpm"}""" },
        { RejectReasons.ImplausibleValue, """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":-5,"unit":"/min"}""" },
        { RejectReasons.ImplausibleValue, """{"type":"spo2","time":"2026-11-27T10:00:00Z","value":49,"unit":"%"}""" },
        { RejectReasons.ImplausibleValue, """{"type":"spo2","time":"2026-11-27T10:00:00Z","value":100.5,"unit":"%"}""" },
        { RejectReasons.ImplausibleValue, """{"type":"blood_pressure","time":"2026-11-27T10:00:00Z","systolic":80,"diastolic":80,"unit":"mm[Hg]"}""" },
        { RejectReasons.ImplausibleValue, """{"type":"blood_pressure","time":"2026-11-27T10:00:00Z","systolic":80,"diastolic":120,"unit":"mm[Hg]"}""" },
        { RejectReasons.ImplausibleValue, """{"type":"blood_pressure","time":"2026-11-27T10:00:00Z","systolic":400,"diastolic":80,"unit":"mm[Hg]"}""" },
        { RejectReasons.ImplausibleValue, """{"type":"rr_intervals","time":"2026-11-27T10:00:00Z","values":[800,100,900],"unit":"ms"}""" },
        { RejectReasons.ImplausibleValue, """{"type":"steps","time":"2026-11-27T10:00:00Z","end":"2026-11-27T10:05:00Z","value":-1,"unit":"{steps}"}""" },
        { RejectReasons.ImplausibleValue, """{"type":"stress_score","time":"2026-11-27T10:00:00Z","value":101,"unit":"{score}"}""" },

        // invalid_timestamp
        { RejectReasons.InvalidTimestamp, """{"type":"heart_rate","time":"2026-11-27T10:00:00","value":70,"unit":"/min"}""" },
        { RejectReasons.InvalidTimestamp, """{"type":"heart_rate","time":"2026-11-27T10:00:00.500","value":70,"unit":"/min"}""" },
        { RejectReasons.InvalidTimestamp, """{"type":"heart_rate","time":"yesterday at noon","value":70,"unit":"/min"}""" },
        { RejectReasons.InvalidTimestamp, """{"type":"heart_rate","time":"2026-13-01T10:00:00Z","value":70,"unit":"/min"}""" },
        { RejectReasons.InvalidTimestamp, """{"type":"heart_rate","time":"2026-11-27","value":70,"unit":"/min"}""" },
        { RejectReasons.InvalidTimestamp, """{"type":"heart_rate","time":"","value":70,"unit":"/min"}""" },
        { RejectReasons.InvalidTimestamp, """{"type":"heart_rate","value":70,"unit":"/min"}""" },

        // future_timestamp (the service clock is 2026-11-27T12:00:00Z, the allowed skew five minutes)
        { RejectReasons.FutureTimestamp, """{"type":"heart_rate","time":"2026-11-27T12:05:01Z","value":70,"unit":"/min"}""" },
        { RejectReasons.FutureTimestamp, """{"type":"heart_rate","time":"2026-11-27T13:05:01+01:00","value":70,"unit":"/min"}""" },
        { RejectReasons.FutureTimestamp, """{"type":"heart_rate","time":"2027-01-01T00:00:00Z","value":70,"unit":"/min"}""" },
        { RejectReasons.FutureTimestamp, """{"type":"steps","time":"2026-11-27T11:50:00Z","end":"2026-11-27T12:10:00Z","value":10,"unit":"{steps}"}""" },

        // too_old (more than 3650 days before the service clock)
        { RejectReasons.TooOld, """{"type":"heart_rate","time":"2000-01-01T00:00:00Z","value":70,"unit":"/min"}""" },
        { RejectReasons.TooOld, """{"type":"heart_rate","time":"2016-11-29T11:59:59Z","value":70,"unit":"/min"}""" },

        // invalid_interval
        { RejectReasons.InvalidInterval, """{"type":"sleep_stage","time":"2026-11-27T02:00:00Z","stage":"deep"}""" },
        { RejectReasons.InvalidInterval, """{"type":"sleep_stage","time":"2026-11-27T02:00:00Z","end":"2026-11-27T01:00:00Z","stage":"deep"}""" },
        { RejectReasons.InvalidInterval, """{"type":"sleep_stage","time":"2026-11-27T02:00:00Z","end":"2026-11-27T02:00:00Z","stage":"deep"}""" },
        { RejectReasons.InvalidInterval, """{"type":"sleep_stage","time":"2026-11-27T02:00:00Z","end":"2026-11-27T02:30:00","stage":"deep"}""" },
        { RejectReasons.InvalidInterval, """{"type":"steps","time":"2026-11-27T10:00:00Z","end":"2026-11-27T09:00:00Z","value":10,"unit":"{steps}"}""" },
        { RejectReasons.InvalidInterval, """{"type":"steps","time":"2026-11-27T10:00:00Z","end":"soon","value":10,"unit":"{steps}"}""" },

        // series_too_long (at most 256 values)
        { RejectReasons.SeriesTooLong, $$"""{"type":"rr_intervals","time":"2026-11-27T10:00:00Z","values":[{{Repeat("800", 257)}}],"unit":"ms"}""" },

        // unknown_category
        { RejectReasons.UnknownCategory, """{"type":"sleep_stage","time":"2026-11-27T02:00:00Z","end":"2026-11-27T02:30:00Z","stage":"nap"}""" },
        { RejectReasons.UnknownCategory, """{"type":"sleep_stage","time":"2026-11-27T02:00:00Z","end":"2026-11-27T02:30:00Z"}""" },
        { RejectReasons.UnknownCategory, """{"type":"sleep_stage","time":"2026-11-27T02:00:00Z","end":"2026-11-27T02:30:00Z","stage":""}""" },

        // malformed_sample
        { RejectReasons.MalformedSample, """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":"abc","unit":"/min"}""" },
        { RejectReasons.MalformedSample, """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":"72","unit":"/min"}""" },
        { RejectReasons.MalformedSample, """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":true,"unit":"/min"}""" },
        { RejectReasons.MalformedSample, """{"type":"heart_rate","time":1764237600,"value":70,"unit":"/min"}""" },
        { RejectReasons.MalformedSample, """{"type":"rr_intervals","time":"2026-11-27T10:00:00Z","values":[800,"x"],"unit":"ms"}""" },
        { RejectReasons.MalformedSample, """{"type":"rr_intervals","time":"2026-11-27T10:00:00Z","values":800,"unit":"ms"}""" },
        { RejectReasons.MalformedSample, "42" },
        { RejectReasons.MalformedSample, "\"heart_rate\"" },
        { RejectReasons.MalformedSample, "[1,2,3]" },
        { RejectReasons.MalformedSample, "null" },
        { RejectReasons.MalformedSample, "true" },
    };

    [Theory]
    [MemberData(nameof(BadSamples))]
    public void BadSampleIsRejectedWithItsReasonAndItsNeighboursAreAccepted(string reason, string badSample)
    {
        var decoded = Decode(With(ValidHeartRate, badSample, ValidSpo2));

        Assert.Null(decoded.Problem);
        Assert.Equal(3, decoded.Verdicts.Length);

        var rejected = decoded.Verdicts[1];
        Assert.Equal(1, rejected.Index);
        Assert.Equal(SampleStatus.Rejected, rejected.Status);
        Assert.Equal(reason, rejected.Reason);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Detail));

        Assert.Equal(new SampleVerdict(0, SampleStatus.Accepted), decoded.Verdicts[0]);
        Assert.Equal(new SampleVerdict(2, SampleStatus.Accepted), decoded.Verdicts[2]);
        Assert.Equal(
            [VitalCatalog.HeartRate.Type, VitalCatalog.OxygenSaturation.Type],
            decoded.Accepted.Select(s => s.Type));
    }

    [Theory]
    [MemberData(nameof(BadSamples))]
    public void BadSampleAloneLeavesNothingAcceptedButIsNotAnEnvelopeProblem(string reason, string badSample)
    {
        var decoded = Decode(With(badSample));

        Assert.Null(decoded.Problem);
        Assert.Empty(decoded.Accepted);
        var verdict = Assert.Single(decoded.Verdicts);
        Assert.Equal(reason, verdict.Reason);
    }

    [Theory]
    [InlineData("heart_rate", 20)]
    [InlineData("heart_rate", 300)]
    [InlineData("spo2", 50)]
    [InlineData("spo2", 100)]
    [InlineData("respiratory_rate", 3)]
    [InlineData("respiratory_rate", 80)]
    [InlineData("stress_score", 0)]
    [InlineData("stress_score", 100)]
    public void ValuesOnThePlausibleBoundsAreAccepted(string type, double value)
    {
        var unit = VitalCatalog.All.Single(v => v.Code == type).CanonicalUnit;
        var decoded = Decode(With(
            $$"""{"type":"{{type}}","time":"2026-11-27T10:00:00Z","value":{{value}},"unit":"{{unit}}"}"""));

        var sample = Assert.Single(decoded.Accepted);
        Assert.Equal(value, sample.Value);
    }

    [Fact]
    public void RrSeriesOfExactlyTheMaximumLengthIsAccepted()
    {
        var decoded = Decode(With(
            $$"""{"type":"rr_intervals","time":"2026-11-27T10:00:00Z","values":[{{Repeat("800", 256)}}],"unit":"ms"}"""));

        Assert.Equal(256, Assert.Single(decoded.Accepted).Series.Length);
    }

    [Fact]
    public void BloodPressureJustBelowSystolicIsAccepted()
    {
        var decoded = Decode(With(
            """{"type":"blood_pressure","time":"2026-11-27T10:00:00Z","systolic":81,"diastolic":80,"unit":"mm[Hg]"}"""));

        Assert.Single(decoded.Accepted);
    }

    [Theory]
    [InlineData("2026-11-27T12:05:00Z")]
    [InlineData("2026-11-27T13:04:59+01:00")]
    [InlineData("2026-11-27T12:04:59.999Z")]
    public void SampleJustInsideTheFutureSkewIsAccepted(string time)
    {
        var decoded = Decode(With(Sample("heart_rate", time, "\"value\":70,\"unit\":\"/min\"")));

        Assert.Single(decoded.Accepted);
    }

    [Fact]
    public void SampleJustInsideTheMaximumAgeIsAccepted()
    {
        var oldest = (Now - new IngestOptions().MaxSampleAge).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);

        var decoded = Decode(With(Sample("heart_rate", oldest, "\"value\":70,\"unit\":\"/min\"")));

        Assert.Single(decoded.Accepted);
    }

    [Fact]
    public void FutureSkewFollowsTheConfiguredOption()
    {
        var options = new IngestOptions { MaxFutureSkew = TimeSpan.FromHours(1) };

        var decoded = Decode(With(
            Sample("heart_rate", "2026-11-27T12:59:00Z", "\"value\":70,\"unit\":\"/min\""),
            Sample("heart_rate", "2026-11-27T13:01:00Z", "\"value\":70,\"unit\":\"/min\"")), options);

        Assert.Equal(SampleStatus.Accepted, decoded.Verdicts[0].Status);
        Assert.Equal(RejectReasons.FutureTimestamp, decoded.Verdicts[1].Reason);
    }

    [Fact]
    public void EndOnAnInstantaneousReadingIsIgnored()
    {
        var decoded = Decode(With(Sample("heart_rate", "2026-11-27T10:00:00Z", "\"end\":\"garbage\",\"value\":70,\"unit\":\"/min\"")));

        Assert.Null(Assert.Single(decoded.Accepted).End);
    }

    [Fact]
    public void ManyBadSamplesAmongGoodOnesKeepTheirOwnIndexes()
    {
        var decoded = Decode(With(
            "42",
            ValidHeartRate,
            """{"type":"spo2","time":"2026-11-27T10:00:00Z","value":49,"unit":"%"}""",
            """{"type":"heart_rate","time":"2026-11-27T10:00:00","value":70,"unit":"/min"}""",
            ValidSpo2,
            """{"type":"nope","time":"2026-11-27T10:00:00Z"}"""));

        Assert.Equal(Enumerable.Range(0, 6), decoded.Verdicts.Select(v => v.Index));
        Assert.Equal(
            [RejectReasons.MalformedSample, null, RejectReasons.ImplausibleValue, RejectReasons.InvalidTimestamp, null, RejectReasons.UnknownType],
            decoded.Verdicts.Select(v => v.Reason));
        Assert.Equal(2, decoded.Accepted.Length);
    }

    private static string Repeat(string value, int count) => string.Join(",", Enumerable.Repeat(value, count));
}
