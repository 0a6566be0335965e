using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir;

/// <summary>Code system and profile URLs the FHIR facade reads and writes.</summary>
public static class FhirSystems
{
    public const string Loinc = "http://loinc.org";

    public const string Ucum = "http://unitsofmeasure.org";

    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    public const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    /// <summary>ISO/IEEE 11073 (MDC) codes as HL7 examples write them.</summary>
    public const string MdcOid = "urn:oid:2.16.840.1.113883.6.24";

    /// <summary>ISO/IEEE 11073 (MDC) codes under their ISO URN.</summary>
    public const string MdcIso = "urn:iso:std:iso:11073:10101";

    /// <summary>Root of the project's own code systems.</summary>
    public const string CodeSystemBase = "https://wearables-twins.dev/fhir/CodeSystem/";

    /// <summary>The vitals catalogue: code = the catalogue code (<c>heart_rate</c>, <c>stress_score</c>, …).</summary>
    public const string Vital = CodeSystemBase + "vital";

    /// <summary>Codes of the components the project writes: <c>context</c>, <c>rr_interval</c>, <c>classification</c>, <c>voltage</c>.</summary>
    public const string Component = CodeSystemBase + "observation-component";

    /// <summary>Stable reasons next to every OperationOutcome issue (the REST API's <c>reason</c>).</summary>
    public const string RejectReason = CodeSystemBase + "reject-reason";

    /// <summary>Device properties the project reports (<c>battery</c>).</summary>
    public const string DeviceProperty = CodeSystemBase + "device-property";

    /// <summary>Categories of a category vital (sleep stages, ECG classifications, …): <c>…/CodeSystem/sleep-stage</c>.</summary>
    public static string CategoriesOf(VitalDefinition vital)
    {
        ArgumentNullException.ThrowIfNull(vital);
        return CodeSystemBase + vital.Code.Replace('_', '-');
    }

    /// <summary>Measurement contexts of a vital (heart rate: unknown, resting, active): <c>…/CodeSystem/heart-rate-context</c>.</summary>
    public static string ContextsOf(VitalDefinition vital)
    {
        ArgumentNullException.ThrowIfNull(vital);
        return CodeSystemBase + vital.Code.Replace('_', '-') + "-context";
    }
}

/// <summary>The R4 vital-signs profiles the facade claims for the vitals they define.</summary>
public static class VitalSignsProfiles
{
    public const string VitalSigns = "http://hl7.org/fhir/StructureDefinition/vitalsigns";
    public const string HeartRate = "http://hl7.org/fhir/StructureDefinition/heartrate";
    public const string OxygenSaturation = "http://hl7.org/fhir/StructureDefinition/oxygensat";
    public const string RespiratoryRate = "http://hl7.org/fhir/StructureDefinition/resprate";
    public const string BodyTemperature = "http://hl7.org/fhir/StructureDefinition/bodytemp";
    public const string BloodPressure = "http://hl7.org/fhir/StructureDefinition/bp";
    public const string BodyWeight = "http://hl7.org/fhir/StructureDefinition/bodyweight";

    /// <summary>The specific profile of a vital, or null when the vital has none (then no profile is claimed).</summary>
    public static string? For(VitalDefinition vital)
    {
        ArgumentNullException.ThrowIfNull(vital);
        return vital.Code switch
        {
            "heart_rate" => HeartRate,
            "spo2" => OxygenSaturation,
            "respiratory_rate" => RespiratoryRate,
            "body_temperature" => BodyTemperature,
            "blood_pressure" => BloodPressure,
            "body_weight" => BodyWeight,
            _ => null,
        };
    }
}
