using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Fhir.Tests.Infrastructure;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir.Tests.Mapping;

/// <summary>FHIR → telemetry, on the HL7 R4 examples and on what must be refused.</summary>
public sealed class ObservationReaderTests
{
    [Fact]
    public void HL7_heart_rate_with_a_date_only_effective_time_is_read_as_the_start_of_that_UTC_day()
    {
        var inbound = Read(Fixtures.Observation("heart-rate"));

        Assert.Equal("example", inbound.PatientId);
        Assert.Same(VitalCatalog.HeartRate, inbound.Vital);
        Assert.Equal(new DateTimeOffset(1999, 7, 2, 0, 0, 0, TimeSpan.Zero), inbound.Time);
        Assert.Equal("1999-07-02T00:00:00+00:00", inbound.Sample.Time);
        Assert.Equal(44, inbound.Sample.Value);
        Assert.Equal("/min", inbound.Sample.Unit);
        Assert.Null(inbound.DeviceId);
        Assert.Equal(44, Samples.Decode(inbound.Sample).Value);
    }

    [Fact]
    public void HL7_SpO2_keeps_its_offset_and_a_DeviceMetric_is_not_taken_for_a_device()
    {
        var inbound = Read(Fixtures.Observation("satO2"));

        Assert.Same(VitalCatalog.OxygenSaturation, inbound.Vital);
        Assert.Equal("2014-12-05T09:30:10+01:00", inbound.Sample.Time);
        Assert.Equal(95, inbound.Sample.Value);
        Assert.Equal("%", inbound.Sample.Unit);
        Assert.Null(inbound.DeviceId);
        var decoded = Samples.Decode(inbound.Sample);
        Assert.Equal(TimeSpan.FromHours(1), decoded.Time.Offset);
    }

    [Fact]
    public void HL7_blood_pressure_components_become_systolic_and_diastolic()
    {
        var inbound = Read(Fixtures.Observation("blood-pressure"));

        Assert.Same(VitalCatalog.BloodPressure, inbound.Vital);
        Assert.Equal(107, inbound.Sample.Systolic);
        Assert.Equal(60, inbound.Sample.Diastolic);
        Assert.Equal("mm[Hg]", inbound.Sample.Unit);
        var decoded = Samples.Decode(inbound.Sample);
        Assert.Equal((107, 60), (decoded.Value, decoded.Value2));
    }

    [Theory]
    [InlineData("body-temperature", "body_temperature", 36.5, "Cel")]
    [InlineData("respiratory-rate", "respiratory_rate", 26, "/min")]
    public void HL7_scalar_vitals_are_read(string example, string vital, double value, string unit)
    {
        var inbound = Read(Fixtures.Observation(example));

        Assert.Equal(vital, inbound.Vital.Code);
        Assert.Equal(value, inbound.Sample.Value);
        Assert.Equal(unit, inbound.Sample.Unit);
        Assert.Equal(value, Samples.Decode(inbound.Sample).Value);
    }

    [Fact]
    public void A_cancelled_observation_is_refused_with_a_clear_reason()
    {
        var issue = Refuse(Fixtures.Observation("blood-pressure-cancel"));

        Assert.Equal(FhirReasons.UnsupportedStatus, issue.Reason);
        Assert.Equal(400, issue.Status);
        Assert.Contains("cancelled", issue.Text, StringComparison.Ordinal);
        Assert.Equal("Observation.status", issue.Expression);
    }

    [Fact]
    public void Blood_pressure_with_an_absent_diastolic_is_refused_naming_the_missing_component()
    {
        var issue = Refuse(Fixtures.Observation("blood-pressure-dar"));

        Assert.Equal("missing_value", issue.Reason);
        Assert.Contains("diastolic value is absent (not-performed)", issue.Text, StringComparison.Ordinal);
        Assert.Contains("8462-4", issue.Text, StringComparison.Ordinal);
        Assert.Equal(OperationOutcome.IssueType.Required, issue.Type);
    }

    [Fact]
    public void A_vital_signs_panel_is_refused_with_what_to_send_instead()
    {
        var issue = Refuse(Fixtures.Observation("vitals-panel"));

        Assert.Equal(FhirReasons.UnknownCode, issue.Reason);
        Assert.Contains("85353-1", issue.Text, StringComparison.Ordinal);
        Assert.Contains("post those Observations themselves", issue.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_HL7_ECG_is_refused_because_its_voltages_have_no_unit()
    {
        var issue = Refuse(Fixtures.Observation("ekg"));

        Assert.Equal("missing_unit", issue.Reason);
        Assert.Equal("Observation.component[0].valueSampledData.origin", issue.Expression);
    }

    [Fact]
    public void The_HL7_ECG_with_a_UCUM_origin_keeps_lead_I_as_a_single_lead_recording()
    {
        var ekg = Fixtures.Observation("ekg");
        foreach (var component in ekg.Component)
        {
            ((SampledData)component.Value!).Origin!.System = "http://unitsofmeasure.org";
            ((SampledData)component.Value!).Origin!.Code = "uV";
        }

        var inbound = Read(ekg);

        Assert.Same(VitalCatalog.Ecg, inbound.Vital);
        Assert.Equal("f001", inbound.PatientId);
        Assert.Equal(ObservationReader.UnclassifiedEcg, inbound.Sample.Category);
        var values = Assert.IsAssignableFrom<IList<double>>(inbound.Sample.Values);
        Assert.Equal(116, values.Count);
        Assert.Equal(2048 + (1.612 * 2041), values[0], 9);
        Assert.Equal(new DateTimeOffset(2015, 2, 19, 9, 30, 35, TimeSpan.FromHours(1)).AddMilliseconds(1160), inbound.End);
        var decoded = Samples.Decode(inbound.Sample);
        Assert.Equal(116, decoded.Series.Length);
        Assert.Equal(0, decoded.Value2);
    }

    [Fact]
    public void A_Device_reference_names_the_device()
    {
        var observation = Fixtures.Observation("heart-rate");
        observation.Device = new ResourceReference("https://other.example/fhir/Device/watch-7/_history/2");

        Assert.Equal("watch-7", Read(observation).DeviceId);
    }

    [Theory]
    [InlineData(null, FhirReasons.MissingSubject)]
    [InlineData("Group/1", FhirReasons.InvalidSubject)]
    [InlineData("Patient/has_underscore", FhirReasons.InvalidSubject)]
    public void The_subject_must_be_a_Patient(string? reference, string reason)
    {
        var observation = Fixtures.Observation("heart-rate");
        observation.Subject = reference is null ? null : new ResourceReference(reference);

        Assert.Equal(reason, Refuse(observation).Reason);
    }

    [Fact]
    public void An_unknown_code_is_refused_listing_what_is_known()
    {
        var observation = Fixtures.Observation("heart-rate");
        observation.Code = new CodeableConcept("http://loinc.org", "8302-2", "Body height");

        var issue = Refuse(observation);

        Assert.Equal(FhirReasons.UnknownCode, issue.Reason);
        Assert.Contains("8867-4", issue.Text, StringComparison.Ordinal);
        Assert.Contains("stress_score", issue.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_projects_own_code_reads_vitals_without_LOINC()
    {
        var observation = Fixtures.Observation("heart-rate");
        observation.Code = new CodeableConcept(FhirSystems.Vital, "stress_score");
        observation.Value = new Quantity { Value = 40, System = "http://unitsofmeasure.org", Code = "{score}" };

        Assert.Same(VitalCatalog.StressScore, Read(observation).Vital);
    }

    [Theory]
    [InlineData("1999", FhirReasons.InvalidEffective)]
    [InlineData("1999-07", FhirReasons.InvalidEffective)]
    public void An_effective_time_less_precise_than_a_day_is_refused(string effective, string reason)
    {
        var observation = Fixtures.Observation("heart-rate");
        observation.Effective = new FhirDateTime(effective);

        Assert.Equal(reason, Refuse(observation).Reason);
    }

    [Fact]
    public void A_missing_effective_time_is_refused()
    {
        var observation = Fixtures.Observation("heart-rate");
        observation.Effective = null;

        Assert.Equal(FhirReasons.MissingEffective, Refuse(observation).Reason);
    }

    [Fact]
    public void Units_must_be_UCUM_and_values_exact()
    {
        var nonUcum = Fixtures.Observation("heart-rate");
        ((Quantity)nonUcum.Value!).System = "http://example.org/units";
        var inexact = Fixtures.Observation("heart-rate");
        ((Quantity)inexact.Value!).Comparator = Quantity.QuantityComparator.GreaterThan;
        var none = Fixtures.Observation("heart-rate");
        none.Value = null;
        none.DataAbsentReason = new CodeableConcept("http://terminology.hl7.org/CodeSystem/data-absent-reason", "asked-unknown");

        Assert.Equal(FhirReasons.NonUcumUnit, Refuse(nonUcum).Reason);
        Assert.Equal(FhirReasons.UnsupportedValue, Refuse(inexact).Reason);
        var absent = Refuse(none);
        Assert.Equal("missing_value", absent.Reason);
        Assert.Contains("asked-unknown", absent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_effectivePeriod_of_steps_keeps_its_end_and_a_date_only_end_means_through_that_day()
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept("http://loinc.org", "55423-8"),
            Subject = new ResourceReference("Patient/p1"),
            Effective = new Period { Start = "2026-11-01", End = "2026-11-01" },
            Value = new Quantity { Value = 9000, System = "http://unitsofmeasure.org", Code = "{steps}" },
        };

        var inbound = Read(observation);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), inbound.Time);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), inbound.End);
        Assert.Equal("2026-11-02T00:00:00+00:00", inbound.Sample.End);
    }

    [Fact]
    public void Amended_and_corrected_observations_are_stored_like_final_ones()
    {
        var amended = Fixtures.Observation("heart-rate");
        amended.Status = ObservationStatus.Amended;
        var preliminary = Fixtures.Observation("heart-rate");
        preliminary.Status = ObservationStatus.Preliminary;

        Read(amended);
        Assert.Equal(FhirReasons.UnsupportedStatus, Refuse(preliminary).Reason);
    }

    [Fact]
    public void An_issue_is_located_inside_its_Bundle_entry()
    {
        var issue = Refuse(Fixtures.Observation("blood-pressure-cancel")).InEntry(3);

        Assert.Equal("Bundle.entry[3].resource.status", issue.Expression);
    }

    private static InboundObservation Read(Observation observation)
    {
        Assert.True(ObservationReader.TryRead(observation, out var inbound, out var issue), issue?.Text);
        return inbound;
    }

    private static FhirIssue Refuse(Observation observation)
    {
        Assert.False(ObservationReader.TryRead(observation, out _, out var issue));
        return issue;
    }
}
