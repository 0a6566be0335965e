using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Http;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Fhir.Tests.Infrastructure;
using static Wearables.Twins.Fhir.Tests.Infrastructure.Observations;

namespace Wearables.Twins.Fhir.Tests.EndToEnd;

[Collection(FhirHostCollection.Name)]
public sealed class BundleTests(FhirHostFixture host)
{
    [Fact]
    public async Task A_batch_stores_the_good_entries_and_answers_each_bad_one_with_its_own_OperationOutcome()
    {
        var patient = NewPatient();
        var batch = NewBundle(Bundle.BundleType.Batch,
            Example("heart-rate", patient),
            Example("blood-pressure-cancel", patient),
            Example("blood-pressure", patient),
            new Patient { Id = patient });
        batch.Entry[3].Request!.Url = "Observation"; // a Patient where an Observation is announced
        batch.Entry.Add(new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Patient" }, Resource = new Patient { Active = true } });
        batch.Entry.Add(new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = "Patient/" + patient } });

        var response = await host.Client.PostAsync("fhir", batch);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = response.As<Bundle>();
        Assert.Equal(Bundle.BundleType.BatchResponse, result.Type);
        Assert.Equal(
            ["201 Created", "400 Bad Request", "201 Created", "400 Bad Request", "405 Method Not Allowed", "405 Method Not Allowed"],
            result.Entry.Select(e => e.Response?.Status));
        Assert.StartsWith("Observation/", result.Entry[0].Response?.Location, StringComparison.Ordinal);
        Assert.IsType<Observation>(result.Entry[0].Resource);
        var cancelled = Assert.IsType<OperationOutcome>(result.Entry[1].Response?.Outcome);
        Assert.Equal("unsupported_status", Outcomes.ReasonOf(cancelled));
        Assert.Equal("Bundle.entry[1].resource.status", cancelled.Issue.Single().Expression.Single());
        Assert.Equal("unsupported_resource", Outcomes.ReasonOf(Assert.IsType<OperationOutcome>(result.Entry[3].Response?.Outcome)));
        Assert.Equal(2, await TotalAsync(patient));
    }

    [Fact]
    public async Task A_batch_entry_that_does_not_parse_fails_alone()
    {
        var patient = NewPatient();
        var json = JsonNode.Parse(new FhirJson().SerializeToString(NewBundle(Bundle.BundleType.Batch,
            Example("heart-rate", patient), Example("respiratory-rate", patient))))!;
        json["entry"]![1]!["resource"]!["colour"] = "blue";

        var response = await host.Client.PostJsonAsync("fhir", json.ToJsonString());

        var result = response.As<Bundle>();
        Assert.Equal(["201 Created", "400 Bad Request"], result.Entry.Select(e => e.Response?.Status));
        var outcome = Assert.IsType<OperationOutcome>(result.Entry[1].Response?.Outcome);
        Assert.Equal("invalid_resource", Outcomes.ReasonOf(outcome));
        Assert.Equal("Bundle.entry[1].resource.colour", outcome.Issue.Single().Expression.Single());
        Assert.Equal(1, await TotalAsync(patient));
    }

    [Fact]
    public async Task A_transaction_with_one_invalid_entry_is_refused_whole_and_stores_nothing()
    {
        var patient = NewPatient();
        var transaction = NewBundle(Bundle.BundleType.Transaction,
            Example("heart-rate", patient), Example("blood-pressure-dar", patient), Example("respiratory-rate", patient));

        var response = await host.Client.PostAsync("fhir", transaction);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var outcome = response.As<OperationOutcome>();
        Assert.Equal("missing_value", Outcomes.ReasonOf(outcome));
        Assert.StartsWith("Bundle.entry[1]", outcome.Issue.Single().Expression.Single(), StringComparison.Ordinal);
        Assert.Equal(0, await TotalAsync(patient));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetFhirAsync($"fhir/Patient/{patient}")).Status);
    }

    [Fact]
    public async Task A_valid_transaction_is_stored_and_a_resent_one_changes_nothing()
    {
        var patient = NewPatient();
        var transaction = NewBundle(Bundle.BundleType.Transaction,
            Example("heart-rate", patient), Example("blood-pressure", patient), Example("satO2", patient));

        var first = await host.Client.PostAsync("fhir", transaction);
        var again = await host.Client.PostAsync("fhir", transaction);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        var result = first.As<Bundle>();
        Assert.Equal(Bundle.BundleType.TransactionResponse, result.Type);
        Assert.All(result.Entry, e => Assert.Equal("201 Created", e.Response?.Status));
        Assert.All(result.Entry, e => Assert.Equal($"{host.BaseAddress}fhir/{e.Response!.Location}", e.FullUrl));
        Assert.All(again.As<Bundle>().Entry, e => Assert.Equal("200 OK", e.Response?.Status));
        Assert.Equal(3, await TotalAsync(patient));
    }

    [Fact]
    public async Task A_transaction_may_not_bind_one_device_to_two_patients()
    {
        var device = NewPatient("dev");
        var transaction = NewBundle(Bundle.BundleType.Transaction,
            HeartRate(NewPatient(), DateTimeOffset.UtcNow.AddMinutes(-2), 70, device),
            HeartRate(NewPatient(), DateTimeOffset.UtcNow.AddMinutes(-1), 71, device));

        var response = await host.Client.PostAsync("fhir", transaction);

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal(FhirReasons.DeviceConflict, Outcomes.ReasonOf(response.As<OperationOutcome>()));
    }

    [Fact]
    public async Task Prefer_return_OperationOutcome_answers_each_entry_with_an_outcome()
    {
        var batch = NewBundle(Bundle.BundleType.Batch, HeartRate(NewPatient(), DateTimeOffset.UtcNow.AddMinutes(-1), 70));

        var result = (await host.Client.PostAsync("fhir", batch, prefer: "return=OperationOutcome")).As<Bundle>();

        var entry = Assert.Single(result.Entry);
        Assert.Null(entry.Resource);
        Assert.Equal("created", Outcomes.ReasonOf(Assert.IsType<OperationOutcome>(entry.Response?.Outcome)));
    }

    [Theory]
    [InlineData(Bundle.BundleType.Collection)]
    [InlineData(Bundle.BundleType.Document)]
    public async Task Only_batch_and_transaction_Bundles_are_processed(Bundle.BundleType type)
    {
        var response = await host.Client.PostAsync("fhir", NewBundle(type, HeartRate(NewPatient(), DateTimeOffset.UtcNow, 70)));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(FhirReasons.InvalidRequest, Outcomes.ReasonOf(response.As<OperationOutcome>()));
    }

    private async Task<int?> TotalAsync(string patient)
        => (await host.Client.GetFhirAsync($"fhir/Observation?patient={patient}")).As<Bundle>().Total;
}
