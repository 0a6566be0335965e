using System.Globalization;
using System.Text;
using System.Text.Json;
using Wearables.Twins.Simulator.Envelopes;
using Wearables.Twins.Simulator.Realism;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Tests;

public sealed class EnvelopeBuilderTests
{
    public static TheoryData<int> Devices => [1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(Devices))]
    public void Envelopes_round_trip_through_the_source_generated_contract(int number)
    {
        var profile = PatientProfile.Create(SimulatedPatient.Seed, number);
        var model = DeviceModel.ForDevice(number);
        var simulation = new PatientSimulation(profile, SimulatedPatient.Start);
        var builder = new EnvelopeBuilder($"sim-watch-{number:D4}", model, profile.UtcOffset, "run1");
        var battery = new DeviceBattery(90, 1, SimulatedPatient.Start);

        var messageIds = new HashSet<string>();
        for (var now = SimulatedPatient.Start.AddMinutes(30); now <= SimulatedPatient.Start.AddHours(26); now = now.AddMinutes(30))
        {
            var samples = simulation.AdvanceTo(now);
            var json = EnvelopeBuilder.Serialize(builder.Build(samples, now, battery.LevelAt(now)));
            var envelope = JsonSerializer.Deserialize(json, TelemetryJsonContext.Default.TelemetryEnvelope);

            Assert.NotNull(envelope);
            Assert.Equal(TelemetryEnvelope.SchemaV1, envelope.Schema);
            Assert.Equal($"sim-watch-{number:D4}", envelope.DeviceId);
            Assert.True(messageIds.Add(envelope.MessageId!), $"message id {envelope.MessageId} repeated");
            Assert.StartsWith($"sim-watch-{number:D4}-run1-", envelope.MessageId, StringComparison.Ordinal);
            Assert.Equal(model.Vendor, envelope.Device!.Vendor);
            Assert.Equal(model.Model, envelope.Device.Model);
            Assert.Equal(model.Firmware, envelope.Device.Firmware);
            Assert.InRange(envelope.Device.Battery!.Value, 0, 100);
            Assert.Equal(now, AssertOffsetTime(envelope.SentAt, profile.UtcOffset));
            Assert.Equal(samples.Count, envelope.Samples.Count);

            foreach (var wire in envelope.Samples)
            {
                Assert.True(VitalCatalog.TryGet(wire.Type!, out var vital));
                var time = AssertOffsetTime(wire.Time, profile.UtcOffset);
                Assert.True(time <= now, $"{wire.Type} at {wire.Time} is after the simulated now {now:O}");
                if (wire.End is not null)
                {
                    var end = AssertOffsetTime(wire.End, profile.UtcOffset);
                    Assert.True(end > time && end <= now);
                }

                AssertPlausibleOnTheWire(vital, wire);
            }

            // The same bytes read the way the service reads them.
            var raw = JsonSerializer.Deserialize(json, TelemetryJsonContext.Default.RawTelemetryEnvelope);
            Assert.Equal(envelope.Samples.Count, raw!.Samples!.Count);
        }

        Assert.Equal(52, builder.Sequence);
    }

    [Fact]
    public void Absent_fields_are_left_out_of_the_json()
    {
        var profile = PatientProfile.Create(SimulatedPatient.Seed, 1);
        var builder = new EnvelopeBuilder("sim-watch-0001", DeviceModel.ForDevice(2), profile.UtcOffset);
        var time = SimulatedPatient.Start;
        var json = EnvelopeBuilder.Serialize(builder.Build(
            [new GeneratedSample(VitalCatalog.HeartRate, time) { Value = 61 }], time.AddSeconds(5), 80));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("wearables.telemetry/v1", root.GetProperty("schema").GetString());
        Assert.Equal("sim-watch-0001-1", root.GetProperty("messageId").GetString());
        var sample = root.GetProperty("samples")[0];
        Assert.Equal(["type", "time", "value", "unit"], sample.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-03-02T06:00:00.000-03:00", sample.GetProperty("time").GetString());
        Assert.Equal("/min", sample.GetProperty("unit").GetString());
        Assert.DoesNotContain("null", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_that_report_fahrenheit_send_values_the_catalogue_converts_back()
    {
        var fahrenheit = DeviceModel.Catalogue.First(m => m.TemperatureUnit == "[degF]");
        var builder = new EnvelopeBuilder("sim-watch-0003", fahrenheit, new TimeSpan(5, 30, 0));

        var wire = builder.ToWire(new GeneratedSample(VitalCatalog.BodyTemperature, SimulatedPatient.Start) { Value = 37 });

        Assert.Equal("[degF]", wire.Unit);
        Assert.Equal(98.6, wire.Value!.Value, 2);
        Assert.True(VitalCatalog.BodyTemperature.TryGetUnit(wire.Unit!, out var unit));
        Assert.Equal(37, unit.ToCanonical(wire.Value.Value), 2);
        Assert.Equal("2026-03-02T14:30:00.000+05:30", wire.Time);
    }

    [Fact]
    public void Sleep_stages_and_steps_carry_an_end_and_stage_names()
    {
        var builder = new EnvelopeBuilder("sim-watch-0002", DeviceModel.ForDevice(2), TimeSpan.FromHours(1));
        var time = SimulatedPatient.Start;

        var sleep = builder.ToWire(new GeneratedSample(VitalCatalog.SleepStage, time) { End = time.AddMinutes(20), Stage = SleepStage.Deep });
        var steps = builder.ToWire(new GeneratedSample(VitalCatalog.Steps, time) { End = time.AddMinutes(1), Value = 102 });

        Assert.Equal(("sleep_stage", "deep", null), (sleep.Type, sleep.Stage, sleep.Unit));
        Assert.Equal("2026-03-02T10:20:00.000+01:00", sleep.End);
        Assert.Equal(("steps", 102.0, "{steps}"), (steps.Type, steps.Value!.Value, steps.Unit));
        Assert.Equal("2026-03-02T10:01:00.000+01:00", steps.End);
    }

    [Fact]
    public void Battery_drains_slowly_and_is_recharged_when_low()
    {
        var start = SimulatedPatient.Start;
        var battery = new DeviceBattery(60, 1, start);

        Assert.Equal(60, battery.LevelAt(start));
        Assert.Equal(59, battery.LevelAt(start.AddHours(1)));
        Assert.Equal(59, battery.LevelAt(start.AddHours(1.2)));
        Assert.Equal(36, battery.LevelAt(start.AddHours(24)));
        Assert.Equal(100, battery.LevelAt(start.AddHours(60)));
    }

    private static DateTimeOffset AssertOffsetTime(string? text, TimeSpan offset)
    {
        Assert.NotNull(text);
        var parsed = DateTimeOffset.ParseExact(text, Rfc3339Format.Pattern, CultureInfo.InvariantCulture);
        Assert.Equal(offset, parsed.Offset);
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $"{sign}{offset.Duration():hh\\:mm}"), text, StringComparison.Ordinal);
        return parsed;
    }

    private static void AssertPlausibleOnTheWire(VitalDefinition vital, EnvelopeSample wire)
    {
        UnitConversion? unit = null;
        if (vital.RequiresUnit)
        {
            Assert.True(vital.TryGetUnit(wire.Unit!, out unit), $"{wire.Unit} is not a unit of {vital.Code}");
        }

        void Check(double? value)
        {
            Assert.NotNull(value);
            var canonical = unit?.ToCanonical(value.Value) ?? value.Value;
            Assert.True(vital.IsPlausible(canonical), $"{vital.Code} {canonical} out of range");
        }

        switch (vital.Shape)
        {
            case VitalShape.Scalar or VitalShape.Quantity:
                Check(wire.Value);
                break;
            case VitalShape.Series:
                Assert.All(wire.Values!, v => Check(v));
                break;
            case VitalShape.BloodPressure:
                Check(wire.Systolic);
                Check(wire.Diastolic);
                break;
            default:
                Assert.True(vital.TryGetCategory(wire.Stage!, out _));
                break;
        }
    }
}
