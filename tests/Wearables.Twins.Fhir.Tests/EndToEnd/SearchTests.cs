using System.Net;
using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Fhir.Tests.Infrastructure;
using static Wearables.Twins.Fhir.Tests.Infrastructure.Observations;

namespace Wearables.Twins.Fhir.Tests.EndToEnd;

[Collection(FhirHostCollection.Name)]
public sealed class SearchTests(FhirHostFixture host)
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1).AddHours(9), TimeSpan.Zero)
        .ToOffset(TimeSpan.FromHours(-3));

    [Fact]
    public async Task Pages_are_linked_with_absolute_self_next_and_previous_links()
    {
        var patient = await PatientWithHeartRatesAsync(5);

        var first = (await host.Client.GetFhirAsync($"fhir/Observation?patient={patient}&_count=2")).As<Bundle>();

        Assert.Equal(5, first.Total);
        Assert.Equal(2, first.Entry.Count);
        Assert.Null(first.PreviousLink);
        Assert.Equal(new Uri(host.BaseAddress, $"fhir/Observation?patient={patient}&_count=2&_page=1"), first.SelfLink);
        Assert.Equal(new Uri(host.BaseAddress, $"fhir/Observation?patient={patient}&_count=2&_page=3"), first.LastLink);

        var second = (await host.Client.GetFhirAsync(first.NextLink!.ToString())).As<Bundle>();
        Assert.Equal(first.SelfLink, second.PreviousLink);
        var third = (await host.Client.GetFhirAsync(second.NextLink!.ToString())).As<Bundle>();
        Assert.Null(third.NextLink);
        Assert.Single(third.Entry);

        var values = first.Entry.Concat(second.Entry).Concat(third.Entry)
            .Select(e => ((Quantity)((Observation)e.Resource!).Value!).Value).ToList();
        Assert.Equal([60m, 61m, 62m, 63m, 64m], values);
        var effective = first.Entry.Concat(second.Entry).Concat(third.Entry).Select(e => EffectiveStart((Observation)e.Resource!)).ToList();
        Assert.Equal(effective.Order(), effective);
        Assert.All(effective, e => Assert.Equal(TimeSpan.FromHours(-3), e.Offset));
    }

    [Fact]
    public async Task Every_fullUrl_reads_back_the_same_Observation()
    {
        var patient = await PatientWithHeartRatesAsync(2);
        var bundle = (await host.Client.GetFhirAsync($"fhir/Observation?patient=Patient/{patient}")).As<Bundle>();

        foreach (var entry in bundle.Entry)
        {
            var read = await host.Client.GetFhirAsync(entry.FullUrl!);
            Assert.Equal(HttpStatusCode.OK, read.Status);
            Assert.Equal(entry.Resource!.Id, read.As<Observation>().Id);
        }
    }

    [Fact]
    public async Task Date_prefixes_select_a_range()
    {
        var patient = await PatientWithHeartRatesAsync(5);
        var from = Uri.EscapeDataString(FhirTime.Format(Start.AddMinutes(1)));
        var to = Uri.EscapeDataString(FhirTime.Format(Start.AddMinutes(3)));

        var between = (await host.Client.GetFhirAsync($"fhir/Observation?patient={patient}&date=ge{from}&date=le{to}")).As<Bundle>();
        var after = (await host.Client.GetFhirAsync($"fhir/Observation?patient={patient}&date=gt{to}")).As<Bundle>();

        Assert.Equal(3, between.Total);
        Assert.Equal(1, after.Total);
        Assert.Contains($"date=ge{from}", between.SelfLink!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codes_select_vitals_in_any_of_their_forms()
    {
        var patient = await PatientWithHeartRatesAsync(2);
        var spo2 = Example("satO2", patient);
        Assert.Equal(HttpStatusCode.Created, (await host.Client.PostAsync("fhir/Observation", spo2)).Status);

        Assert.Equal(2, await TotalAsync($"patient={patient}&code=8867-4"));
        Assert.Equal(2, await TotalAsync($"patient={patient}&code=heart_rate"));
        Assert.Equal(1, await TotalAsync($"patient={patient}&code={Query("http://loinc.org|2708-6")}"));
        Assert.Equal(1, await TotalAsync($"patient={patient}&code={Query("https://wearables-twins.dev/fhir/CodeSystem/vital|spo2")}"));
        Assert.Equal(3, await TotalAsync($"patient={patient}&code=8867-4,59408-5"));
        Assert.Equal(3, await TotalAsync($"patient={patient}"));
    }

    [Fact]
    public async Task An_unknown_code_matches_nothing_and_says_so()
    {
        var patient = await PatientWithHeartRatesAsync(1);

        var bundle = (await host.Client.GetFhirAsync($"fhir/Observation?patient={patient}&code=8302-2")).As<Bundle>();

        Assert.Equal(0, bundle.Total);
        var outcome = Assert.IsType<OperationOutcome>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal(Bundle.SearchEntryMode.Outcome, bundle.Entry[0].Search?.Mode);
        Assert.Equal(OperationOutcome.IssueSeverity.Warning, outcome.Issue.Single().Severity);
    }

    [Fact]
    public async Task An_unknown_patient_has_an_empty_searchset()
    {
        var bundle = (await host.Client.GetFhirAsync($"fhir/Observation?patient={NewPatient()}")).As<Bundle>();

        Assert.Equal(0, bundle.Total);
        Assert.Empty(bundle.Entry);
    }

    [Fact]
    public async Task Count_zero_answers_only_the_total()
    {
        var patient = await PatientWithHeartRatesAsync(3);

        var bundle = (await host.Client.GetFhirAsync($"fhir/Observation?patient={patient}&_count=0")).As<Bundle>();

        Assert.Equal(3, bundle.Total);
        Assert.Empty(bundle.Entry);
    }

    [Theory]
    [InlineData("fhir/Observation", "'patient' is required")]
    [InlineData("fhir/Observation?patient=p1&date=yesterday", "not a FHIR date")]
    [InlineData("fhir/Observation?patient=p1&date=ap2026-01-01", "prefix 'ap'")]
    [InlineData("fhir/Observation?patient=p1&_count=-1", "_count")]
    [InlineData("fhir/Observation?patient=p1&date=ge2026-01-01T10:00:00", "not a FHIR date")]
    public async Task Invalid_searches_are_400_OperationOutcomes(string path, string explanation)
    {
        var response = await host.Client.GetFhirAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var outcome = response.As<OperationOutcome>();
        Assert.Equal(FhirReasons.InvalidSearch, Outcomes.ReasonOf(outcome));
        Assert.Contains(explanation, outcome.Issue.Single().Details?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_handling_refuses_unknown_parameters()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "fhir/Observation?patient=p1&_sort=date");
        request.Headers.Add("Prefer", "handling=strict");

        var response = await FhirHttp.SendAsync(host.Client, request);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    private async Task<int?> TotalAsync(string query)
        => (await host.Client.GetFhirAsync("fhir/Observation?" + query)).As<Bundle>().Total;

    private async Task<string> PatientWithHeartRatesAsync(int count)
    {
        var patient = NewPatient();
        var bundle = NewBundle(Bundle.BundleType.Batch,
            [.. Enumerable.Range(0, count).Select(i => HeartRate(patient, Start.AddMinutes(i), 60 + i))]);
        var response = (await host.Client.PostAsync("fhir", bundle)).As<Bundle>();
        Assert.All(response.Entry, e => Assert.Equal("201 Created", e.Response?.Status));
        return patient;
    }
}
