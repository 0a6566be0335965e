using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Fhir.Tests.Infrastructure;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir.Tests.Mapping;

public sealed class VitalObservationMapperTests
{
    [Theory]
    [MemberData(nameof(Samples.EveryVital), MemberType = typeof(Samples))]
    public void Every_vital_maps_to_an_Observation_that_parses_strictly_and_has_the_vital_signs_elements(string code)
    {
        var vital = Vital(code);
        var sample = Samples.For(vital);

        var observation = FhirAssert.RoundTrip(VitalObservationMapper.ToObservation("patient-42", sample, "watch-42"));

        FhirAssert.VitalSign(observation, vital.Loinc);
        Assert.Contains(observation.Code.Coding, c => c.System == FhirSystems.Vital && c.Code == vital.Code);
        Assert.Equal("Patient/patient-42", observation.Subject?.Reference);
        Assert.Equal("Device/watch-42", observation.Device?.Reference);
        Assert.Equal(ObservationIds.For("patient-42", sample), observation.Id);
    }

    [Theory]
    [MemberData(nameof(Samples.EveryVital), MemberType = typeof(Samples))]
    public void Every_vital_comes_back_unchanged_through_FHIR_and_the_ingest_rules(string code)
    {
        var vital = Vital(code);
        var sample = Samples.For(vital);
        var observation = FhirAssert.RoundTrip(VitalObservationMapper.ToObservation("patient-42", sample));

        Assert.True(ObservationReader.TryRead(observation, out var inbound, out var issue), issue?.Text);

        Assert.Equal("patient-42", inbound.PatientId);
        Assert.Null(inbound.DeviceId);
        Assert.Same(vital, inbound.Vital);
        Samples.Equal(sample, Samples.Decode(inbound.Sample));
    }

    [Fact]
    public void Heart_rate_is_the_R4_heart_rate_profile_with_its_offset_and_context()
    {
        var sample = VitalSample.Scalar(VitalCatalog.HeartRate.Type, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(-3)), 72)
            with { Qualifier = 1 };

        var observation = FhirAssert.RoundTrip(VitalObservationMapper.ToObservation("p1", sample));

        Assert.Equal(["http://hl7.org/fhir/StructureDefinition/vitalsigns", "http://hl7.org/fhir/StructureDefinition/heartrate"], observation.Meta?.Profile ?? []);
        Assert.Equal("8867-4", observation.Code.Coding[0].Code);
        Assert.Equal("2026-11-27T10:00:00-03:00", Assert.IsType<FhirDateTime>(observation.Effective).Value);
        var quantity = Assert.IsType<Quantity>(observation.Value);
        Assert.Equal(72m, quantity.Value);
        Assert.Equal("/min", quantity.Code);
        Assert.Equal("beats/minute", quantity.Unit);
        var context = Assert.Single(observation.Component);
        Assert.Equal("resting", Assert.IsType<CodeableConcept>(context.Value).Coding.Single().Code);
        Assert.Null(observation.Device);
    }

    [Fact]
    public void SpO2_carries_59408_5_and_2708_6()
    {
        var observation = VitalObservationMapper.ToObservation("p1", VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, Samples.Time, 97));

        Assert.Equal(["59408-5", "2708-6"], observation.Code.Coding.Where(c => c.System == "http://loinc.org").Select(c => c.Code));
        Assert.Contains("http://hl7.org/fhir/StructureDefinition/oxygensat", observation.Meta?.Profile ?? []);
        Assert.Equal("%", Assert.IsType<Quantity>(observation.Value).Code);
    }

    [Fact]
    public void Blood_pressure_is_a_panel_with_systolic_and_diastolic_components_and_no_value()
    {
        var observation = FhirAssert.RoundTrip(VitalObservationMapper.ToObservation("p1",
            new VitalSample(VitalCatalog.BloodPressure.Type, Samples.Time, null, 121, 79, [])));

        Assert.Equal("85354-9", observation.Code.Coding[0].Code);
        Assert.Null(observation.Value);
        Assert.Collection(observation.Component,
            systolic =>
            {
                Assert.Equal("8480-6", systolic.Code.Coding.Single().Code);
                var quantity = Assert.IsType<Quantity>(systolic.Value);
                Assert.Equal(121m, quantity.Value);
                Assert.Equal("mm[Hg]", quantity.Code);
            },
            diastolic =>
            {
                Assert.Equal("8462-4", diastolic.Code.Coding.Single().Code);
                Assert.Equal(79m, Assert.IsType<Quantity>(diastolic.Value).Value);
            });
    }

    [Fact]
    public void Steps_are_an_activity_over_an_effectivePeriod_that_keeps_the_offset()
    {
        var start = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(5.5));
        var observation = VitalObservationMapper.ToObservation("p1", new VitalSample(VitalCatalog.Steps.Type, start, start.AddMinutes(1), 96, double.NaN, []));

        Assert.Contains(observation.Category, c => c.Coding.Single().Code == "activity");
        Assert.Contains(observation.Category, c => c.Coding.Single().Code == "vital-signs");
        var period = Assert.IsType<Period>(observation.Effective);
        Assert.Equal("2026-11-27T10:00:00+05:30", period.Start);
        Assert.Equal("2026-11-27T10:01:00+05:30", period.End);
        Assert.Equal("55423-8", observation.Code.Coding[0].Code);
        Assert.Null(observation.Meta);
    }

    [Fact]
    public void A_vital_without_LOINC_is_coded_in_the_projects_code_system_only()
    {
        var observation = VitalObservationMapper.ToObservation("p1", VitalSample.Scalar(VitalCatalog.StressScore.Type, Samples.Time, 40));

        var coding = Assert.Single(observation.Code.Coding);
        Assert.Equal("https://wearables-twins.dev/fhir/CodeSystem/vital", coding.System);
        Assert.Equal("stress_score", coding.Code);
        Assert.Equal("{score}", Assert.IsType<Quantity>(observation.Value).Code);
    }

    [Fact]
    public void Sleep_stages_are_coded_values_over_a_period()
    {
        var observation = VitalObservationMapper.ToObservation("p1",
            new VitalSample(VitalCatalog.SleepStage.Type, Samples.Time, Samples.Time.AddMinutes(30), 2, double.NaN, []));

        var value = Assert.IsType<CodeableConcept>(observation.Value);
        Assert.Equal("https://wearables-twins.dev/fhir/CodeSystem/sleep-stage", value.Coding.Single().System);
        Assert.Equal("deep", value.Coding.Single().Code);
        Assert.IsType<Period>(observation.Effective);
    }

    [Fact]
    public void An_ECG_carries_its_classification_average_heart_rate_and_voltages_as_SampledData()
    {
        var sample = new VitalSample(VitalCatalog.Ecg.Type, Samples.Time, Samples.Time.AddMilliseconds(30), 72, 2, [10, -20.5, 30]);

        var observation = FhirAssert.RoundTrip(VitalObservationMapper.ToObservation("p1", sample));

        Assert.Equal("11524-6", observation.Code.Coding[0].Code);
        Assert.Contains(observation.Category, c => c.Coding.Single().Code == "procedure");
        Assert.Equal("atrial_fibrillation", Assert.IsType<CodeableConcept>(observation.Component[0].Value).Coding.Single().Code);
        Assert.Equal(72m, Assert.IsType<Quantity>(observation.Component[1].Value).Value);
        var data = Assert.IsType<SampledData>(observation.Component[2].Value);
        Assert.Equal("10 -20.5 30", data.Data);
        Assert.Equal(10m, data.Period);
        Assert.Equal("uV", data.Origin?.Code);
        Assert.Equal(1, data.Dimensions);
    }

    [Fact]
    public void Converted_values_are_written_without_binary_noise()
    {
        var fahrenheit = VitalCatalog.BodyTemperature.AcceptedUnits.Single(u => u.Unit == "[degF]");
        var sample = VitalSample.Scalar(VitalCatalog.BodyTemperature.Type, Samples.Time, fahrenheit.ToCanonical(98.6));

        var json = new Wearables.Twins.Fhir.Http.FhirJson().SerializeToString(VitalObservationMapper.ToObservation("p1", sample));

        Assert.Contains("\"value\":37,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_stable_and_do_not_depend_on_the_offset()
    {
        var utc = VitalSample.Scalar(VitalCatalog.HeartRate.Type, new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero), 70);
        var local = utc with { Time = utc.Time.ToOffset(TimeSpan.FromHours(-3)), Value = 71 };

        Assert.Equal(VitalObservationMapper.ToObservation("p1", utc).Id, VitalObservationMapper.ToObservation("p1", local).Id);
        Assert.NotEqual(VitalObservationMapper.ToObservation("p1", utc).Id, VitalObservationMapper.ToObservation("p2", utc).Id);
        Assert.NotEqual(
            VitalObservationMapper.ToObservation("p1", utc).Id,
            VitalObservationMapper.ToObservation("p1", utc with { Type = VitalCatalog.RestingHeartRate.Type }).Id);
    }

    private static VitalDefinition Vital(string code) => VitalCatalog.TryGet(code, out var vital) ? vital : throw new ArgumentException(code);
}
