using System.Globalization;
using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Mapping;

namespace Wearables.Twins.Fhir.Tests.Infrastructure;

/// <summary>Observations to post, and what to compare after a round trip.</summary>
public static class Observations
{
    public static string NewPatient(string prefix = "p") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>An HL7 example, re-addressed to a test's own patient.</summary>
    public static Observation Example(string name, string patientId)
    {
        var observation = Fixtures.Observation(name);
        observation.Subject = new ResourceReference("Patient/" + patientId);
        return observation;
    }

    public static Observation HeartRate(string patientId, DateTimeOffset time, decimal value, string? device = null) => new()
    {
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs")],
        Code = new CodeableConcept("http://loinc.org", "8867-4", "Heart rate"),
        Subject = new ResourceReference("Patient/" + patientId),
        Effective = new FhirDateTime(FhirTime.Format(time)),
        Value = new Quantity { Value = value, Unit = "beats/minute", System = "http://unitsofmeasure.org", Code = "/min" },
        Device = device is null ? null : new ResourceReference("Device/" + device),
    };

    public static Bundle NewBundle(Bundle.BundleType type, params Resource[] resources)
    {
        var bundle = new Bundle { Type = type };
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = "urn:uuid:" + Guid.NewGuid(),
                Resource = resource,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
            });
        }

        return bundle;
    }

    /// <summary>("value", value, UCUM code) of valueQuantity, and (LOINC or own code, value, UCUM code) of every component quantity.</summary>
    public static IReadOnlyList<(string Code, decimal? Value, string? Unit)> Measurements(Observation observation)
    {
        var measurements = new List<(string, decimal?, string?)>();
        if (observation.Value is Quantity quantity)
        {
            measurements.Add(("value", quantity.Value, quantity.Code));
        }

        foreach (var component in observation.Component)
        {
            if (component.Value is Quantity componentQuantity)
            {
                measurements.Add((MainCode(component.Code), componentQuantity.Value, componentQuantity.Code));
            }
        }

        return measurements;
    }

    public static IEnumerable<string> LoincCodes(Observation observation)
        => observation.Code.Coding.Where(c => c.System == "http://loinc.org").Select(c => c.Code!);

    /// <summary>The instant effective[x] starts at (a date-only value starts at midnight UTC).</summary>
    public static DateTimeOffset EffectiveStart(Observation observation)
    {
        var text = observation.Effective switch
        {
            FhirDateTime dateTime => dateTime.Value,
            Period period => period.Start,
            _ => throw new InvalidOperationException("no effective[x]"),
        };
        Assert.True(FhirTime.TryParse(text, out var start, out _, out _), text);
        return start;
    }

    public static string Query(string text) => Uri.EscapeDataString(text);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string MainCode(CodeableConcept concept)
        => (concept.Coding.FirstOrDefault(c => c.System == "http://loinc.org") ?? concept.Coding.First()).Code!;
}
