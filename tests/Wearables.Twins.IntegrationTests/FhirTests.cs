using System.Globalization;
using System.Net;
using System.Text;
using Wearables.Twins.IntegrationTests.Infrastructure;

namespace Wearables.Twins.IntegrationTests;

/// <summary>FHIR R4 in and out of the real host.</summary>
[Collection(HostCollection.Name)]
public sealed class FhirTests(HostFixture fixture)
{
    private readonly TwinsHostProcess _host = fixture.Host;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task ObservationPostedInComesBackOutThroughSearchAndTheTwin()
    {
        var patientId = $"p{_run}";
        var effective = DateTimeOffset.UtcNow.AddMinutes(-5).ToOffset(TimeSpan.FromHours(1));
        var observation = $$"""
            {
              "resourceType": "Observation",
              "status": "final",
              "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs" }] }],
              "code": { "coding": [{ "system": "http://loinc.org", "code": "8867-4", "display": "Heart rate" }] },
              "subject": { "reference": "Patient/{{patientId}}" },
              "effectiveDateTime": "{{effective.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}}",
              "valueQuantity": { "value": 58, "unit": "beats/minute", "system": "http://unitsofmeasure.org", "code": "/min" }
            }
            """;
        using var content = new StringContent(observation, Encoding.UTF8, "application/fhir+json");

        using var created = await _host.Http.PostAsync(new Uri("/fhir/Observation", UriKind.Relative), content);
        var (status, bundle) = await _host.Http.GetJsonAsync($"/fhir/Observation?patient={patientId}&code=http://loinc.org|8867-4");
        var (_, twin) = await _host.Http.GetJsonAsync($"/api/v1/patients/{patientId}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("searchset", bundle.GetProperty("type").GetString());
        var found = bundle.GetProperty("entry")[0].GetProperty("resource");
        Assert.Equal("8867-4", found.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal(58, found.GetProperty("valueQuantity").GetProperty("value").GetDouble());
        Assert.Equal(58, twin.GetProperty("vitals").GetProperty("heart_rate").GetProperty("latest").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task CapabilityStatementIsServed()
    {
        var (status, capability) = await _host.Http.GetJsonAsync("/fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CapabilityStatement", capability.GetProperty("resourceType").GetString());
        Assert.Equal("4.0.1", capability.GetProperty("fhirVersion").GetString());
    }
}
