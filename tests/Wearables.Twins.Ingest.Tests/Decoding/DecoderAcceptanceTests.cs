using System.Buffers;
using System.Text;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Vitals;
using static Wearables.Twins.Ingest.Tests.Decoding.Envelopes;

namespace Wearables.Twins.Ingest.Tests.Decoding;

public sealed class DecoderAcceptanceTests
{
    [Fact]
    public void EnvelopeWithEveryVitalInTheCatalogueIsFullyAcceptedInCanonicalForm()
    {
        var decoded = Decode(With(
            """{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":64,"unit":"/min"}""",
            """{"type":"rr_intervals","time":"2026-11-27T10:00:01Z","values":[800,900,1000],"unit":"ms"}""",
            """{"type":"spo2","time":"2026-11-27T10:00:02Z","value":98,"unit":"%"}""",
            """{"type":"respiratory_rate","time":"2026-11-27T10:00:03Z","value":14,"unit":"/min"}""",
            """{"type":"body_temperature","time":"2026-11-27T10:00:04Z","value":36.6,"unit":"Cel"}""",
            """{"type":"blood_pressure","time":"2026-11-27T10:00:05Z","systolic":120,"diastolic":80,"unit":"mm[Hg]"}""",
            """{"type":"steps","time":"2026-11-27T10:00:00Z","end":"2026-11-27T10:15:00Z","value":1234,"unit":"{steps}"}""",
            """{"type":"sleep_stage","time":"2026-11-27T02:00:00Z","end":"2026-11-27T02:30:00Z","stage":"deep"}""",
            """{"type":"stress_score","time":"2026-11-27T10:00:06Z","value":42,"unit":"{score}"}""",
            """{"type":"resting_heart_rate","time":"2026-11-27T10:00:07Z","value":55,"unit":"bpm"}""",
            """{"type":"hrv_sdnn","time":"2026-11-27T10:00:08Z","value":48,"unit":"ms"}""",
            """{"type":"hrv_rmssd","time":"2026-11-27T10:00:09Z","value":0.039,"unit":"s"}""",
            """{"type":"wrist_temperature_deviation","time":"2026-11-27T10:00:10Z","value":0.9,"unit":"[degF]"}""",
            """{"type":"distance","time":"2026-11-27T10:00:00Z","end":"2026-11-27T10:15:00Z","value":1.2,"unit":"km"}""",
            """{"type":"active_energy","time":"2026-11-27T10:00:00Z","end":"2026-11-27T10:15:00Z","value":418.4,"unit":"kJ"}""",
            """{"type":"body_weight","time":"2026-11-27T07:00:00Z","value":154.3,"unit":"[lb_av]"}""",
            """{"type":"ecg","time":"2026-11-27T09:00:00Z","end":"2026-11-27T09:00:30Z","category":"sinus_rhythm","value":71,"values":[-0.12,0.85,0.2],"unit":"mV"}""",
            """{"type":"menstrual_flow","time":"2026-11-27T00:00:00Z","category":"light"}""",
            """{"type":"menstrual_cycle_start","time":"2026-11-27T00:00:00Z"}""",
            """{"type":"ovulation_test","time":"2026-11-27T08:00:00Z","category":"positive"}""",
            """{"type":"menstrual_symptom","time":"2026-11-27T08:00:00Z","category":"headache"}"""));

        Assert.Null(decoded.Problem);
        Assert.Equal(DeviceId, decoded.DeviceId);
        Assert.Equal(MessageId, decoded.MessageId);
        Assert.Equal(VitalCatalog.All.Count, decoded.Verdicts.Length);
        Assert.All(decoded.Verdicts, v => Assert.Equal(SampleStatus.Accepted, v.Status));
        Assert.Equal(Enumerable.Range(0, VitalCatalog.All.Count), decoded.Verdicts.Select(v => v.Index));
        Assert.Equal(VitalCatalog.All.Select(v => v.Type), decoded.Accepted.Select(s => s.Type));

        var byType = decoded.Accepted.ToDictionary(s => s.Type);
        Assert.Equal(39, byType[VitalCatalog.HrvRmssd.Type].Value, 6);
        Assert.Equal(0.5, byType[VitalCatalog.WristTemperatureDeviation.Type].Value, 6);
        Assert.Equal(1200, byType[VitalCatalog.Distance.Type].Value, 6);
        Assert.Equal(100, byType[VitalCatalog.ActiveEnergy.Type].Value, 3);
        Assert.Equal(69.99, byType[VitalCatalog.BodyWeight.Type].Value, 2);
        var ecg = byType[VitalCatalog.Ecg.Type];
        Assert.Equal(71, ecg.Value);
        Assert.Equal("sinus_rhythm", VitalCatalog.Ecg.Categories[(int)ecg.Value2]);
        Assert.Equal([-120.0, 850.0, 200.0], ecg.Series.Select(v => Math.Round(v, 6)));
        Assert.Equal("light", VitalCatalog.MenstrualFlow.Categories[(int)byType[VitalCatalog.MenstrualFlow.Type].Value]);
        Assert.Equal(0, byType[VitalCatalog.MenstrualCycleStart.Type].Value);
        Assert.Equal(64, byType[VitalCatalog.HeartRate.Type].Value);
        Assert.Null(byType[VitalCatalog.HeartRate.Type].End);
        Assert.True(double.IsNaN(byType[VitalCatalog.HeartRate.Type].Value2));

        var rr = byType[VitalCatalog.RrIntervals.Type];
        Assert.Equal([800.0, 900.0, 1000.0], rr.Series.ToArray());
        Assert.Equal(900, rr.Value);

        Assert.Equal(98, byType[VitalCatalog.OxygenSaturation.Type].Value);
        Assert.Equal(14, byType[VitalCatalog.RespiratoryRate.Type].Value);
        Assert.Equal(36.6, byType[VitalCatalog.BodyTemperature.Type].Value, 6);

        var bp = byType[VitalCatalog.BloodPressure.Type];
        Assert.Equal(120, bp.Value);
        Assert.Equal(80, bp.Value2);

        var steps = byType[VitalCatalog.Steps.Type];
        Assert.Equal(1234, steps.Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 15, 0, TimeSpan.Zero), steps.End);

        var sleep = byType[VitalCatalog.SleepStage.Type];
        Assert.Equal(2, sleep.Value); // awake, light, deep, …
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 2, 30, 0, TimeSpan.Zero), sleep.End);

        Assert.Equal(42, byType[VitalCatalog.StressScore.Type].Value);
    }

    [Theory]
    [InlineData("°F", 98.6, 37.0)]
    [InlineData("[degF]", 98.6, 37.0)]
    [InlineData("[degF]", 95.0, 35.0)]
    [InlineData("°C", 37.2, 37.2)]
    [InlineData("C", 37.2, 37.2)]
    public void BodyTemperatureIsConvertedToCelsius(string unit, double value, double expectedCelsius)
    {
        var decoded = Decode(With(Sample("body_temperature", "2026-11-27T10:00:00Z",
            $$"""
            "value":{{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"unit":"{{unit}}"
            """)));

        var sample = Assert.Single(decoded.Accepted);
        Assert.Equal(expectedCelsius, sample.Value, 0.01);
    }

    [Fact]
    public void PlausibleRangeAppliesToTheConvertedValueNotTheRawNumber()
    {
        // 40 [degF] is 4.4 Cel: plausible as a raw Celsius number, implausible once converted.
        var decoded = Decode(With(
            Sample("body_temperature", "2026-11-27T10:00:00Z", "\"value\":40,\"unit\":\"[degF]\""),
            ValidHeartRate));

        Assert.Equal(RejectReasons.ImplausibleValue, decoded.Verdicts[0].Reason);
        Assert.Equal(SampleStatus.Accepted, decoded.Verdicts[1].Status);
    }

    [Fact]
    public void RrIntervalsInSecondsAreConvertedToMilliseconds()
    {
        var decoded = Decode(With(Sample("rr_intervals", "2026-11-27T10:00:00Z", "\"values\":[0.8,0.85,1.2],\"unit\":\"s\"")));

        var sample = Assert.Single(decoded.Accepted);
        Assert.Equal(3, sample.Series.Length);
        Assert.Equal(800, sample.Series[0], 6);
        Assert.Equal(850, sample.Series[1], 6);
        Assert.Equal(1200, sample.Series[2], 6);
        Assert.Equal(950, sample.Value, 6);
    }

    [Theory]
    [InlineData("heart_rate", "bpm")]
    [InlineData("heart_rate", "beats/min")]
    [InlineData("heart_rate", "count/min")]
    [InlineData("heart_rate", "{beats}/min")]
    [InlineData("respiratory_rate", "breaths/min")]
    [InlineData("blood_pressure", "mmHg")]
    [InlineData("steps", "count")]
    [InlineData("steps", "steps")]
    [InlineData("stress_score", "score")]
    public void UnitAliasesAreAcceptedWithoutChangingTheNumber(string type, string unit)
    {
        var body = type switch
        {
            "blood_pressure" => $$"""{"type":"{{type}}","time":"2026-11-27T10:00:00Z","systolic":60,"diastolic":40,"unit":"{{unit}}"}""",
            "steps" => $$"""{"type":"{{type}}","time":"2026-11-27T10:00:00Z","end":"2026-11-27T10:05:00Z","value":60,"unit":"{{unit}}"}""",
            _ => $$"""{"type":"{{type}}","time":"2026-11-27T10:00:00Z","value":60,"unit":"{{unit}}"}""",
        };

        var decoded = Decode(With(body));

        Assert.Null(decoded.Problem);
        var sample = Assert.Single(decoded.Accepted);
        Assert.Equal(type, sample.Type.Code);
        Assert.Equal(60, sample.Value);
    }

    [Fact]
    public void TimestampOffsetIsPreservedOnTheSample()
    {
        var decoded = Decode(With(
            Sample("heart_rate", "2026-11-27T15:30:00+05:30", "\"value\":70,\"unit\":\"/min\""),
            Sample("steps", "2026-11-27T01:00:00-08:00", "\"end\":\"2026-11-27T01:30:00-08:00\",\"value\":500,\"unit\":\"{steps}\"")));

        Assert.Equal(2, decoded.Accepted.Length);
        var heartRate = decoded.Accepted[0];
        Assert.Equal(TimeSpan.FromHours(5.5), heartRate.Time.Offset);
        Assert.Equal(new DateTime(2026, 11, 27, 15, 30, 0), heartRate.Time.DateTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), heartRate.Time);

        var steps = decoded.Accepted[1];
        Assert.Equal(TimeSpan.FromHours(-8), steps.Time.Offset);
        Assert.Equal(TimeSpan.FromHours(-8), steps.End!.Value.Offset);
    }

    [Fact]
    public void FractionalSecondsAreKept()
    {
        var decoded = Decode(With(Sample("heart_rate", "2026-11-27T10:00:00.125Z", "\"value\":70,\"unit\":\"/min\"")));

        Assert.Equal(125, Assert.Single(decoded.Accepted).Time.Millisecond);
    }

    [Fact]
    public void SameMeasurementTwiceInOneMessageIsAcceptedOnceAndMarkedDuplicate()
    {
        var decoded = Decode(With(ValidHeartRate, ValidSpo2, ValidHeartRate));

        Assert.Equal(2, decoded.Accepted.Length);
        Assert.Equal(
            [SampleStatus.Accepted, SampleStatus.Accepted, SampleStatus.Duplicate],
            decoded.Verdicts.Select(v => v.Status));
        Assert.Equal(2, decoded.Verdicts[2].Index);
        Assert.Null(decoded.Verdicts[2].Reason);
    }

    [Fact]
    public void SameInstantWrittenWithAnotherOffsetIsADuplicate()
    {
        var decoded = Decode(With(
            Sample("heart_rate", "2026-11-27T10:00:00Z", "\"value\":70,\"unit\":\"/min\""),
            Sample("heart_rate", "2026-11-27T11:00:00+01:00", "\"value\":71,\"unit\":\"/min\"")));

        var kept = Assert.Single(decoded.Accepted);
        Assert.Equal(70, kept.Value);
        Assert.Equal(SampleStatus.Duplicate, decoded.Verdicts[1].Status);
    }

    [Fact]
    public void DifferentVitalsAtTheSameInstantAreNotDuplicates()
    {
        var decoded = Decode(With(ValidHeartRate, ValidSpo2));

        Assert.Equal(2, decoded.Accepted.Length);
        Assert.All(decoded.Verdicts, v => Assert.Equal(SampleStatus.Accepted, v.Status));
    }

    [Fact]
    public void DeviceMetadataIsTrimmedAndBatteryOutsideZeroToHundredIsDropped()
    {
        var decoded = Decode($$"""
            {"deviceId":"{{DeviceId}}","messageId":"{{MessageId}}",
             "device":{"vendor":"  Acme ","model":"W1","firmware":"   ","battery":140},
             "samples":[{{ValidHeartRate}}]}
            """);

        Assert.Null(decoded.Problem);
        Assert.NotNull(decoded.Device);
        Assert.Equal("Acme", decoded.Device.Vendor);
        Assert.Equal("W1", decoded.Device.Model);
        Assert.Null(decoded.Device.Firmware);
        Assert.Null(decoded.Device.BatteryPercent);
    }

    [Fact]
    public void EnvelopeWithoutSchemaIsReadAsVersionOne()
    {
        var decoded = Decode($$"""{"deviceId":"{{DeviceId}}","messageId":"{{MessageId}}","samples":[{{ValidHeartRate}}]}""");

        Assert.Null(decoded.Problem);
        Assert.Single(decoded.Accepted);
    }

    [Fact]
    public void PayloadSplitAcrossSegmentsDecodesLikeOneSegment()
    {
        var bytes = Encoding.UTF8.GetBytes(With(ValidHeartRate, ValidSpo2));
        var first = new Segment(bytes.AsMemory(0, 17));
        var last = first.Append(bytes.AsMemory(17, 40)).Append(bytes.AsMemory(57));
        var sequence = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        Assert.False(sequence.IsSingleSegment);

        var decoded = Decoder().Decode(sequence);

        Assert.Null(decoded.Problem);
        Assert.Equal(
            Decode(With(ValidHeartRate, ValidSpo2)).Accepted.Select(s => (s.Type, s.Time, s.Value)),
            decoded.Accepted.Select(s => (s.Type, s.Time, s.Value)));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
