using System.Net;
using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Fhir.Tests.Infrastructure;
using static Wearables.Twins.Fhir.Tests.Infrastructure.Observations;

namespace Wearables.Twins.Fhir.Tests.EndToEnd;

/// <summary>Media types, methods, unknown routes and bodies: every error is an OperationOutcome with a proper status.</summary>
[Collection(FhirHostCollection.Name)]
public sealed class ProtocolTests(FhirHostFixture host)
{
    [Fact]
    public async Task A_body_that_is_not_FHIR_JSON_is_415()
    {
        var response = await host.Client.PostJsonAsync("fhir/Observation", "{}", contentType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(FhirReasons.UnsupportedMediaType, Outcomes.ReasonOf(response.As<OperationOutcome>()));
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[]", "not a FHIR resource")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"text":"x"},"colour":"blue"}""", "colour")]
    [InlineData("""{"resourceType":"Observation","status":"bogus","code":{"text":"x"}}""", "bogus")]
    [InlineData("", "no body")]
    public async Task An_unreadable_resource_is_a_400_naming_the_problem(string body, string explanation)
    {
        var response = await host.Client.PostJsonAsync("fhir/Observation", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var outcome = response.As<OperationOutcome>();
        Assert.Equal(FhirReasons.InvalidResource, Outcomes.ReasonOf(outcome));
        Assert.Contains(outcome.Issue, i => i.Details?.Text?.Contains(explanation, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Plain_application_json_is_accepted_too()
    {
        var json = new Wearables.Twins.Fhir.Http.FhirJson().SerializeToString(HeartRate(NewPatient(), DateTimeOffset.UtcNow.AddMinutes(-1), 70));

        var response = await host.Client.PostJsonAsync("fhir/Observation", json, contentType: "application/json");

        Assert.Equal(HttpStatusCode.Created, response.Status);
    }

    [Fact]
    public async Task Other_resources_are_not_created_through_the_Observation_endpoint()
    {
        var response = await host.Client.PostAsync("fhir/Observation", new Patient { Id = "p1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(FhirReasons.UnsupportedResource, Outcomes.ReasonOf(response.As<OperationOutcome>()));
    }

    [Fact]
    public async Task A_single_Observation_posted_to_the_base_is_refused()
    {
        var response = await host.Client.PostAsync("fhir", HeartRate(NewPatient(), DateTimeOffset.UtcNow, 70));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(FhirReasons.UnsupportedResource, Outcomes.ReasonOf(response.As<OperationOutcome>()));
    }

    [Theory]
    [InlineData("fhir/metadata?_format=xml")]
    [InlineData("fhir/metadata?_format=application/fhir%2Bxml")]
    public async Task Formats_other_than_JSON_are_406(string path)
    {
        var response = await host.Client.GetFhirAsync(path);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal(FhirReasons.NotAcceptable, Outcomes.ReasonOf(response.As<OperationOutcome>()));
    }

    [Theory]
    [InlineData("application/fhir+xml", HttpStatusCode.NotAcceptable)]
    [InlineData("application/fhir+json", HttpStatusCode.OK)]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("*/*", HttpStatusCode.OK)]
    public async Task The_Accept_header_is_honoured(string accept, HttpStatusCode status)
        => Assert.Equal(status, (await host.Client.GetFhirAsync("fhir/metadata", accept)).Status);

    [Fact]
    public async Task An_unserved_resource_type_is_a_404_OperationOutcome()
    {
        var response = await host.Client.GetFhirAsync("fhir/Encounter/1");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(FhirReasons.NotSupported, Outcomes.ReasonOf(response.As<OperationOutcome>()));
    }

    [Fact]
    public async Task An_unsupported_interaction_on_a_served_type_is_a_405_OperationOutcome()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "fhir/Observation/1.abc.0.p1");

        var response = await FhirHttp.SendAsync(host.Client, request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(FhirReasons.NotSupported, Outcomes.ReasonOf(response.As<OperationOutcome>()));
    }

    [Fact]
    public async Task Pretty_output_is_available()
    {
        var body = await host.Client.GetStringAsync("fhir/metadata?_pretty=true");

        Assert.Contains("\n", body, StringComparison.Ordinal);
        FhirAssert.Parse<CapabilityStatement>(body);
    }
}
