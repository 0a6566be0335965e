using System.Net;
using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Tests.Infrastructure;

namespace Wearables.Twins.Fhir.Tests.EndToEnd;

[Collection(FhirHostCollection.Name)]
public sealed class MetadataTests(FhirHostFixture host)
{
    [Fact]
    public async Task Metadata_is_a_FHIR_4_0_1_CapabilityStatement()
    {
        var response = await host.Client.GetFhirAsync("fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var capability = response.As<CapabilityStatement>();
        Assert.Equal(FHIRVersion.N4_0_1, capability.FhirVersion);
        Assert.Contains("json", capability.Format);
        var rest = Assert.Single(capability.Rest);
        Assert.Equal(CapabilityStatement.RestfulCapabilityMode.Server, rest.Mode);
        var observation = Assert.Single(rest.Resource, r => r.Type == "Observation");
        Assert.Equal(
            [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType, CapabilityStatement.TypeRestfulInteraction.Create],
            observation.Interaction.Select(i => i.Code!.Value));
        Assert.Equal(["patient", "subject", "code", "date", "_count", "_page"], observation.SearchParam.Select(p => p.Name));
        Assert.Contains(rest.Resource, r => r.Type == "Patient" && r.Interaction.Single().Code == CapabilityStatement.TypeRestfulInteraction.Read);
        Assert.Contains(rest.Resource, r => r.Type == "Device" && r.Interaction.Single().Code == CapabilityStatement.TypeRestfulInteraction.Read);
        Assert.Contains(rest.Interaction, i => i.Code == CapabilityStatement.SystemRestfulInteraction.Transaction);
        Assert.Contains(rest.Interaction, i => i.Code == CapabilityStatement.SystemRestfulInteraction.Batch);
        Assert.Equal(host.BaseAddress + "fhir", capability.Implementation?.Url);
    }

    [Fact]
    public async Task The_FHIR_endpoints_appear_in_the_hosts_OpenAPI_document()
    {
        var document = await host.Client.GetStringAsync("openapi/v1.json");

        Assert.Contains("\"/fhir/Observation\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/fhir/Patient/{id}\"", document, StringComparison.Ordinal);
        Assert.Contains("application/fhir+json", document, StringComparison.Ordinal);
    }
}
