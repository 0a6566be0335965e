using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir.Tests.Mapping;

public sealed class FhirVitalCodesTests
{
    [Theory]
    [InlineData("http://loinc.org|8867-4", "heart_rate")]
    [InlineData("8867-4", "heart_rate")]
    [InlineData("heart_rate", "heart_rate")]
    [InlineData("https://wearables-twins.dev/fhir/CodeSystem/vital|stress_score", "stress_score")]
    [InlineData("http://loinc.org|2708-6", "spo2")]
    [InlineData("59408-5", "spo2")]
    [InlineData("85354-9", "blood_pressure")]
    [InlineData("urn:oid:2.16.840.1.113883.6.24|131328", "ecg")]
    public void Search_tokens_name_vitals(string token, string vital)
        => Assert.Equal(vital, Assert.Single(FhirVitalCodes.ResolveToken(token)).Code);

    [Theory]
    [InlineData("http://snomed.info/sct|8867-4")]
    [InlineData("|8867-4")]
    [InlineData("heart-rate")]
    [InlineData("http://loinc.org|heart_rate")]
    public void Other_tokens_name_nothing(string token) => Assert.Empty(FhirVitalCodes.ResolveToken(token));

    [Fact]
    public void Codings_that_name_two_vitals_are_ambiguous()
    {
        var code = new CodeableConcept { Coding = [new Coding("http://loinc.org", "8867-4"), new Coding("http://loinc.org", "40443-4")] };

        Assert.False(FhirVitalCodes.TryResolve(code, out _, out var problem));
        Assert.Contains("more than one vital", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_vital_with_LOINC_is_resolved_from_its_own_concept()
    {
        foreach (var vital in VitalCatalog.All)
        {
            Assert.True(FhirVitalCodes.TryResolve(FhirVitalCodes.ConceptFor(vital), out var resolved, out var problem), problem);
            Assert.Same(vital, resolved);
        }
    }
}
