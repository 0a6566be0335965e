using System.Net;
using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Fhir.Tests.Infrastructure;
using static Wearables.Twins.Fhir.Tests.Infrastructure.Observations;

namespace Wearables.Twins.Fhir.Tests.EndToEnd;

/// <summary>HL7's R4 vital-signs examples go in through POST and come back out through search.</summary>
[Collection(FhirHostCollection.Name)]
public sealed class RoundTripTests(FhirHostFixture host)
{
    [Theory]
    [InlineData("heart-rate", "8867-4")]
    [InlineData("satO2", "59408-5")]
    [InlineData("blood-pressure", "85354-9")]
    [InlineData("body-temperature", "8310-5")]
    [InlineData("respiratory-rate", "9279-1")]
    public async Task An_HL7_example_comes_back_with_the_same_code_value_unit_and_time(string example, string searchCode)
    {
        var patient = NewPatient();
        var sent = Example(example, patient);

        var created = await host.Client.PostAsync("fhir/Observation", sent);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var stored = created.As<Observation>();
        Assert.Equal(new Uri(host.BaseAddress, $"fhir/Observation/{stored.Id}"), created.Message.Headers.Location);

        var search = await host.Client.GetFhirAsync($"fhir/Observation?patient={patient}&code={Query("http://loinc.org|" + searchCode)}");

        Assert.Equal(HttpStatusCode.OK, search.Status);
        var bundle = search.As<Bundle>();
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(1, bundle.Total);
        var entry = Assert.Single(bundle.Entry);
        Assert.Equal($"{host.BaseAddress}fhir/Observation/{stored.Id}", entry.FullUrl);
        var found = Assert.IsType<Observation>(entry.Resource);
        FhirAssert.VitalSign(found, searchCode);
        Assert.Equal($"Patient/{patient}", found.Subject?.Reference);
        Assert.Subset(LoincCodes(found).ToHashSet(), LoincCodes(sent).ToHashSet());
        Assert.Equal(Measurements(sent), Measurements(found));
        Assert.Equal(EffectiveStart(sent), EffectiveStart(found));
        Assert.Equal(EffectiveStart(sent).Offset, EffectiveStart(found).Offset);

        var read = await host.Client.GetFhirAsync(created.Message.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(host.Services.GetFhirJson().SerializeToString(found), host.Services.GetFhirJson().SerializeToString(read.As<Observation>()));
    }

    [Fact]
    public async Task A_resent_Observation_is_recognised_and_stored_once()
    {
        var patient = NewPatient();
        var first = await host.Client.PostAsync("fhir/Observation", Example("heart-rate", patient));
        var again = await host.Client.PostAsync("fhir/Observation", Example("heart-rate", patient));

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first.As<Observation>().Id, again.As<Observation>().Id);
        var search = await host.Client.GetFhirAsync($"fhir/Observation?patient={patient}");
        Assert.Equal(1, search.As<Bundle>().Total);
    }

    [Fact]
    public async Task The_HL7_ECG_with_a_UCUM_origin_comes_back_as_a_single_lead_recording()
    {
        var patient = NewPatient();
        var ekg = Example("ekg", patient);
        foreach (var component in ekg.Component)
        {
            var data = (SampledData)component.Value!;
            data.Origin!.System = "http://unitsofmeasure.org";
            data.Origin.Code = "uV";
        }

        var created = await host.Client.PostAsync("fhir/Observation", ekg);
        Assert.Equal(HttpStatusCode.Created, created.Status);

        var search = await host.Client.GetFhirAsync($"fhir/Observation?patient={patient}&code=11524-6");
        var found = Assert.IsType<Observation>(Assert.Single(search.As<Bundle>().Entry).Resource);
        Assert.Equal(EffectiveStart(ekg), EffectiveStart(found));
        var period = Assert.IsType<Period>(found.Effective);
        Assert.Equal("2015-02-19T09:30:36.16+01:00", period.End);
        var voltages = Assert.IsType<SampledData>(found.Component.Single(c => c.Value is SampledData).Value);
        var sentLeadI = (SampledData)ekg.Component[0].Value!;
        var expected = sentLeadI.Data!.Split(' ').Select(d => 2048 + (1.612 * double.Parse(d, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, voltages.Data!.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)), new Tolerance(1e-9));
        Assert.Equal(10m, voltages.Period);
        Assert.Equal("uV", voltages.Origin?.Code);
    }

    [Theory]
    [InlineData("blood-pressure-cancel", "unsupported_status", "cancelled")]
    [InlineData("blood-pressure-dar", "missing_value", "diastolic value is absent")]
    [InlineData("vitals-panel", "unknown_code", "post those Observations themselves")]
    [InlineData("ekg", "missing_unit", "origin has no UCUM unit")]
    public async Task Examples_that_cannot_be_stored_are_refused_with_an_OperationOutcome_and_change_nothing(
        string example, string reason, string explanation)
    {
        var patient = NewPatient();

        var response = await host.Client.PostAsync("fhir/Observation", Example(example, patient));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var outcome = response.As<OperationOutcome>();
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
        Assert.Equal(reason, Outcomes.ReasonOf(outcome));
        Assert.Contains(explanation, issue.Details?.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetFhirAsync($"fhir/Patient/{patient}")).Status);
    }

    [Theory]
    [InlineData("1900-01-01T10:00:00Z", "too_old")]
    [InlineData("2999-01-01T10:00:00Z", "future_timestamp")]
    public async Task The_live_ingest_rules_apply_to_FHIR_too(string effective, string reason)
    {
        var observation = Example("heart-rate", NewPatient());
        observation.Effective = new FhirDateTime(effective);

        var response = await host.Client.PostAsync("fhir/Observation", observation);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var outcome = response.As<OperationOutcome>();
        Assert.Equal(reason, Outcomes.ReasonOf(outcome));
        Assert.Equal("Observation.effective", Assert.Single(outcome.Issue).Expression.Single());
    }

    [Fact]
    public async Task An_implausible_value_is_refused_by_the_ingest_rules()
    {
        var observation = HeartRate(NewPatient(), DateTimeOffset.UtcNow.AddMinutes(-1), 19);

        var response = await host.Client.PostAsync("fhir/Observation", observation);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("implausible_value", Outcomes.ReasonOf(response.As<OperationOutcome>()));
    }

    [Fact]
    public async Task Prefer_return_minimal_answers_201_with_only_the_Location()
    {
        var response = await host.Client.PostAsync("fhir/Observation", HeartRate(NewPatient(), DateTimeOffset.UtcNow.AddMinutes(-1), 70),
            prefer: "return=minimal");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Null(response.Resource);
        Assert.NotNull(response.Message.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetFhirAsync(response.Message.Headers.Location!.ToString())).Status);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
