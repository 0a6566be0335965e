using Hl7.Fhir.Model;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>What <c>GET /fhir/metadata</c> says the server does.</summary>
public static class CapabilityStatements
{
    /// <summary>When the statement last changed (the FHIR facade's first release).</summary>
    public const string Date = "2026-11-28";

    /// <param name="baseUrl">The FHIR base, e.g. <c>http://localhost:5080/fhir</c>.</param>
    public static CapabilityStatement Create(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseUrl);
        var version = typeof(CapabilityStatements).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
        var observation = new CapabilityStatement.ResourceComponent
        {
            Type = "Observation",
            Profile = "http://hl7.org/fhir/StructureDefinition/Observation",
            SupportedProfile =
            [
                VitalSignsProfiles.VitalSigns, VitalSignsProfiles.HeartRate, VitalSignsProfiles.OxygenSaturation,
                VitalSignsProfiles.RespiratoryRate, VitalSignsProfiles.BodyTemperature, VitalSignsProfiles.BloodPressure,
                VitalSignsProfiles.BodyWeight,
            ],
            Documentation = "Vitals of the patient twins' recent windows. Ids are derived from (patient, vital, instant), so a "
                + "search and a read give the same id. Create stores through the telemetry pipeline (same validation as MQTT "
                + "and HTTP); a resent Observation is recognised and answered 200 instead of 201.",
            Versioning = CapabilityStatement.ResourceVersionPolicy.NoVersion,
            ReadHistory = false,
            UpdateCreate = false,
            ConditionalCreate = false,
            Interaction =
            [
                Interaction(CapabilityStatement.TypeRestfulInteraction.Read),
                Interaction(CapabilityStatement.TypeRestfulInteraction.SearchType),
                Interaction(CapabilityStatement.TypeRestfulInteraction.Create),
            ],
            SearchParam =
            [
                SearchParam("patient", "http://hl7.org/fhir/SearchParameter/clinical-patient", SearchParamType.Reference,
                    "Required: the patient (id, Patient/{id} or an absolute reference)."),
                SearchParam("subject", "http://hl7.org/fhir/SearchParameter/Observation-subject", SearchParamType.Reference,
                    "Same as patient (Patient references only)."),
                SearchParam("code", "http://hl7.org/fhir/SearchParameter/clinical-code", SearchParamType.Token,
                    $"http://loinc.org|8867-4, a bare LOINC code, a catalogue code (heart_rate) or {FhirSystems.Vital}|heart_rate; comma-separated for any of several."),
                SearchParam("date", "http://hl7.org/fhir/SearchParameter/clinical-date", SearchParamType.Date,
                    "effective[x]; prefixes eq, ne, lt, gt, le, ge, sa, eb; repeat for a range (date=ge…&date=le…). Times need an offset; dates are UTC days."),
                SearchParam("_count", null, SearchParamType.Number, "Page size (default 50, at most 1000; 0 returns only the total)."),
                SearchParam("_page", null, SearchParamType.Number, "1-based page number; follow the Bundle's next/previous links."),
            ],
        };

        return new CapabilityStatement
        {
            Id = "wearables-twins",
            Url = baseUrl + "/metadata",
            Version = version,
            Name = "WearablesTwinsFhir",
            Title = "Wearables.Twins FHIR R4 facade",
            Status = PublicationStatus.Active,
            Experimental = false,
            Date = Date,
            Publisher = "Wearables.Twins contributors",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "Wearables.Twins", Version = version },
            Implementation = new CapabilityStatement.ImplementationComponent
            {
                Description = "Vital-signs Observations out of the patient twins, and Observations in through the telemetry pipeline.",
                Url = baseUrl,
            },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["json", "application/fhir+json"],
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Documentation = "JSON only. Errors are OperationOutcomes. POST [base] takes a batch (entries independent) or a "
                        + "transaction (validated as a whole: one invalid entry rejects it and nothing is stored) of Observation creates.",
                    Resource =
                    [
                        observation,
                        ReadOnly("Patient", "The patient twin: id, active, last update. Unknown ids answer 404."),
                        ReadOnly("Device", "The wearable twin: manufacturer, model, firmware, battery, bound patient. Unknown ids answer 404."),
                    ],
                    Interaction =
                    [
                        new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Transaction },
                        new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Batch },
                    ],
                },
            ],
        };
    }

    private static CapabilityStatement.ResourceComponent ReadOnly(string type, string documentation) => new()
    {
        Type = type,
        Profile = "http://hl7.org/fhir/StructureDefinition/" + type,
        Documentation = documentation,
        Versioning = CapabilityStatement.ResourceVersionPolicy.NoVersion,
        Interaction = [Interaction(CapabilityStatement.TypeRestfulInteraction.Read)],
    };

    private static CapabilityStatement.ResourceInteractionComponent Interaction(CapabilityStatement.TypeRestfulInteraction code)
        => new() { Code = code };

    private static CapabilityStatement.SearchParamComponent SearchParam(string name, string? definition, SearchParamType type, string documentation)
        => new() { Name = name, Definition = definition, Type = type, Documentation = documentation };
}
