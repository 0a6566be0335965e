using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir.Tests.Mapping;

public sealed class ObservationIdsTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 27, 10, 0, 0, 123, TimeSpan.FromHours(1));

    [Fact]
    public void A_readable_id_parses_back_to_its_patient_vital_and_instant()
    {
        var sample = VitalSample.Scalar(VitalCatalog.HeartRate.Type, Time, 70);

        var id = ObservationIds.For("patient-42", sample);

        Assert.True(FhirIds.IsValid(id));
        Assert.EndsWith(".0.patient-42", id, StringComparison.Ordinal);
        Assert.True(ObservationIds.TryParse(id, out var key));
        Assert.Equal(new ObservationKey("patient-42", VitalCatalog.HeartRate.Type, Time.UtcTicks, null), key);
        Assert.True(key.Matches(sample));
        Assert.False(key.Matches(sample with { Time = Time.AddTicks(1) }));
    }

    [Fact]
    public void An_interval_sample_keeps_its_length_in_the_id()
    {
        var steps = new VitalSample(VitalCatalog.Steps.Type, Time, Time.AddMinutes(1), 90, double.NaN, []);

        Assert.True(ObservationIds.TryParse(ObservationIds.For("p.1-x", steps), out var key));

        Assert.Equal(TimeSpan.FromMinutes(1).Ticks, key.DurationTicks);
        Assert.Equal("p.1-x", key.PatientId);
        Assert.True(key.Matches(steps));
        Assert.False(key.Matches(steps with { End = Time.AddMinutes(2) }));
    }

    [Fact]
    public void A_patient_id_too_long_to_embed_gives_a_stable_hashed_id_that_cannot_be_read_back()
    {
        var patient = new string('p', 60);
        var sample = VitalSample.Scalar(VitalCatalog.HeartRate.Type, Time, 70);

        var id = ObservationIds.For(patient, sample);

        Assert.StartsWith("h.", id, StringComparison.Ordinal);
        Assert.Equal(42, id.Length);
        Assert.Equal(id, ObservationIds.For(patient, sample with { Value = 71 }));
        Assert.False(ObservationIds.TryParse(id, out _));
    }

    [Fact]
    public void The_documented_example_holds()
        => Assert.Equal("1.4uuxsl36x340.0.patient-42", ObservationIds.For("patient-42",
            VitalSample.Scalar(VitalCatalog.HeartRate.Type, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), 70)));

    [Theory]
    [InlineData("")]
    [InlineData("heart-rate")]
    [InlineData("99.abc.0.p1")]
    [InlineData("1.ABC.0.p1")]
    [InlineData("1.0abc.0.p1")]
    [InlineData("1.abc.0.p_1")]
    [InlineData("1.zzzzzzzzzzzz.0.p1")]
    public void Anything_else_is_not_an_id_of_this_server(string id)
        => Assert.False(ObservationIds.TryParse(id, out _));
}
