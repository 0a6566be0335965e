using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Wearables.Twins.Fhir.Tests.Infrastructure;

/// <summary>The HL7 FHIR R4 examples under Fixtures/ (CC0, hl7.fhir.r4.examples 4.0.1).</summary>
public static class Fixtures
{
    public static string Json(string name)
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", $"Observation-{name}.json"));

    public static Observation Observation(string name)
        => (Observation)FhirJsonDeserializer.STRICT.DeserializeResource(Json(name));
}
