using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Wearables.Twins.Fhir.Http;

namespace Wearables.Twins.Fhir.Tests.Infrastructure;

/// <summary>
/// Parses what the service wrote with the Firely SDK (strict deserializer and the System.Text.Json options), and
/// checks the elements the R4 vital-signs profile requires.
/// </summary>
public static class FhirAssert
{
    private static readonly JsonSerializerOptions FhirOptions = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private static readonly FhirJson Writer = new();

    /// <summary>Writes the resource as the endpoints do and reads it back both ways; returns the strict parse.</summary>
    public static T RoundTrip<T>(T resource)
        where T : Resource
        => Parse<T>(Writer.SerializeToString(resource));

    /// <summary>Parses JSON the service wrote; fails the test on any strict-parse issue.</summary>
    public static T Parse<T>(string json)
        where T : Resource
    {
        Resource strict;
        try
        {
            strict = FhirJsonDeserializer.STRICT.DeserializeResource(json);
        }
        catch (DeserializationFailedException ex)
        {
            throw new Xunit.Sdk.XunitException($"Strict FHIR parse failed: {ex.Message}\n{json}");
        }

        var viaOptions = JsonSerializer.Deserialize<Resource>(json, FhirOptions);
        Assert.IsAssignableFrom<T>(viaOptions);
        return Assert.IsAssignableFrom<T>(strict);
    }

    /// <summary>The base vital-signs profile's required elements (R4).</summary>
    /// <param name="observation">What the service wrote.</param>
    /// <param name="loinc">The LOINC code the Observation must carry, when the vital has one.</param>
    public static void VitalSign(Observation observation, string? loinc)
    {
        Assert.NotNull(observation.Status);
        Assert.Equal(ObservationStatus.Final, observation.Status);
        Assert.Contains(observation.Category, c => c.Coding.Any(k =>
            k.System == "http://terminology.hl7.org/CodeSystem/observation-category" && k.Code == "vital-signs"));
        Assert.NotEmpty(observation.Code.Coding);
        if (loinc is not null)
        {
            Assert.Contains(observation.Code.Coding, c => c.System == "http://loinc.org" && c.Code == loinc);
        }

        Assert.StartsWith("Patient/", observation.Subject?.Reference, StringComparison.Ordinal);
        switch (observation.Effective)
        {
            case FhirDateTime dateTime:
                Assert.True(dateTime.Value!.Length >= 10, "effectiveDateTime must be precise to the day (vs-1)");
                break;
            case Period period:
                Assert.NotNull(period.Start);
                break;
            default:
                Assert.Fail($"effective[x] must be dateTime or Period, was {observation.Effective?.TypeName ?? "missing"}");
                break;
        }

        // vs-2: a value, or components (with values or data-absent reasons), or a data-absent reason.
        Assert.True(observation.Value is not null || observation.Component.Count > 0 || observation.DataAbsentReason is not null,
            "value[x], component or dataAbsentReason must be present (vs-2)");
        if (observation.Value is Quantity quantity)
        {
            Ucum(quantity);
        }

        foreach (var component in observation.Component)
        {
            Assert.NotEmpty(component.Code.Coding);
            Assert.True(component.Value is not null || component.DataAbsentReason is not null, "component value or dataAbsentReason (vs-3)");
            if (component.Value is Quantity componentQuantity)
            {
                Ucum(componentQuantity);
            }
        }
    }

    public static void Ucum(Quantity quantity)
    {
        Assert.NotNull(quantity.Value);
        Assert.False(string.IsNullOrEmpty(quantity.Unit), "Quantity.unit");
        Assert.Equal("http://unitsofmeasure.org", quantity.System);
        Assert.False(string.IsNullOrEmpty(quantity.Code), "Quantity.code");
    }
}
