using System.Collections.Frozen;
using Hl7.Fhir.Model;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>
/// Vital ↔ Observation.code. Out: the catalogue's LOINC code (and for SpO2 also 2708-6, which the R4
/// oxygen-saturation profile requires) plus the catalogue code in the project's own code system. In: any
/// LOINC, MDC or own-code-system coding that names a vital.
/// </summary>
public static class FhirVitalCodes
{
    /// <summary>LOINC codes of the blood-pressure panel's components.</summary>
    public const string SystolicLoinc = "8480-6";

    public const string DiastolicLoinc = "8462-4";

    /// <summary>LOINC heart rate, also used for the average heart rate of an ECG.</summary>
    public const string HeartRateLoinc = "8867-4";

    /// <summary>LOINC "Oxygen saturation in Arterial blood", required next to 59408-5 by the R4 oxygensat profile.</summary>
    public const string ArterialOxygenSaturationLoinc = "2708-6";

    private static readonly FrozenDictionary<string, string> LoincDisplays = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["8867-4"] = "Heart rate",
        ["59408-5"] = "Oxygen saturation in Arterial blood by Pulse oximetry",
        ["2708-6"] = "Oxygen saturation in Arterial blood",
        ["9279-1"] = "Respiratory rate",
        ["8310-5"] = "Body temperature",
        ["85354-9"] = "Blood pressure panel with all children optional",
        ["8480-6"] = "Systolic blood pressure",
        ["8462-4"] = "Diastolic blood pressure",
        ["55423-8"] = "Number of steps in unspecified time Pedometer",
        ["40443-4"] = "Heart rate --resting",
        ["80404-7"] = "R-R interval.standard deviation (Heart rate variability)",
        ["41981-2"] = "Calories burned",
        ["29463-7"] = "Body weight",
        ["11524-6"] = "EKG study",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>LOINC codes accepted on input: the catalogue's, plus synonyms other systems send.</summary>
    private static readonly FrozenDictionary<string, VitalDefinition> ByLoinc = BuildLoincIndex();

    /// <summary>MDC (ISO/IEEE 11073) codes accepted on input.</summary>
    private static readonly FrozenDictionary<string, VitalDefinition> ByMdc = new Dictionary<string, VitalDefinition>(StringComparer.Ordinal)
    {
        ["150456"] = VitalCatalog.OxygenSaturation, // MDC_PULS_OXIM_SAT_O2
        ["147842"] = VitalCatalog.HeartRate, // MDC_ECG_HEART_RATE
        ["151562"] = VitalCatalog.RespiratoryRate, // MDC_RESP_RATE
        ["131328"] = VitalCatalog.Ecg, // MDC_ECG_ELEC_POTL
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Codes that are vital signs but not vitals this service stores, with what to do instead.</summary>
    private static readonly FrozenDictionary<string, string> LoincHints = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["8480-6"] = "Systolic pressure alone is not stored: send the blood-pressure panel 85354-9 with components 8480-6 and 8462-4.",
        ["8462-4"] = "Diastolic pressure alone is not stored: send the blood-pressure panel 85354-9 with components 8480-6 and 8462-4.",
        ["85353-1"] = "A vital-signs panel only groups other Observations (hasMember): post those Observations themselves.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Observation.code for a vital.</summary>
    public static CodeableConcept ConceptFor(VitalDefinition vital)
    {
        ArgumentNullException.ThrowIfNull(vital);
        var concept = new CodeableConcept { Text = vital.DisplayName };
        if (vital.Loinc is { } loinc)
        {
            concept.Coding.Add(Loinc(loinc));
        }

        if (vital == VitalCatalog.OxygenSaturation)
        {
            concept.Coding.Add(Loinc(ArterialOxygenSaturationLoinc));
        }

        concept.Coding.Add(new Coding(FhirSystems.Vital, vital.Code, vital.DisplayName));
        return concept;
    }

    /// <summary>A LOINC coding with its display where known.</summary>
    public static Coding Loinc(string code) => new(FhirSystems.Loinc, code, LoincDisplays.GetValueOrDefault(code));

    /// <summary>Whether a concept carries the given LOINC code.</summary>
    public static bool HasLoinc(CodeableConcept? concept, string code)
        => concept?.Coding.Any(c => c.System == FhirSystems.Loinc && c.Code == code) == true;

    /// <summary>Whether a concept carries the given code of the project's component code system.</summary>
    public static bool HasComponent(CodeableConcept? concept, string code)
        => concept?.Coding.Any(c => c.System == FhirSystems.Component && c.Code == code) == true;

    /// <summary>Finds the vital an Observation.code names.</summary>
    /// <param name="code">Observation.code.</param>
    /// <param name="vital">The vital, when exactly one is named.</param>
    /// <param name="problem">Why none (or more than one) could be chosen.</param>
    public static bool TryResolve(CodeableConcept? code, out VitalDefinition vital, out string problem)
    {
        vital = null!;
        problem = string.Empty;
        if (code is null || code.Coding.Count == 0)
        {
            problem = code?.Text is { Length: > 0 } text
                ? $"Observation.code has only the text '{text}'; a coding is needed (LOINC, or {FhirSystems.Vital})."
                : "Observation.code has no coding; give a LOINC code (or a code of " + FhirSystems.Vital + ").";
            return false;
        }

        var found = new List<VitalDefinition>();
        foreach (var coding in code.Coding)
        {
            if (ResolveCoding(coding.System, coding.Code) is { } match && !found.Contains(match))
            {
                found.Add(match);
            }
        }

        if (found.Count == 1)
        {
            vital = found[0];
            return true;
        }

        var given = string.Join(", ", code.Coding.Select(c => $"{c.System}|{c.Code}"));
        if (found.Count > 1)
        {
            problem = $"Observation.code ({given}) names more than one vital ({string.Join(", ", found.Select(v => v.Code))}); send one.";
            return false;
        }

        var hint = code.Coding.Where(c => c.System == FhirSystems.Loinc && c.Code is not null)
            .Select(c => LoincHints.TryGetValue(c.Code!, out var h) ? h : null)
            .FirstOrDefault(h => h is not null);
        problem = hint is not null
            ? $"Observation.code ({given}) is not a vital this service stores. {hint}"
            : $"Observation.code ({given}) is not a vital this service stores. Known LOINC codes: "
              + string.Join(", ", ByLoinc.Keys.Order(StringComparer.Ordinal))
              + $"; other vitals by their code in {FhirSystems.Vital}: "
              + string.Join(", ", VitalCatalog.All.Select(v => v.Code)) + ".";
        return false;
    }

    /// <summary>
    /// The vitals a search token names: <c>http://loinc.org|8867-4</c>, a bare <c>8867-4</c>, a bare catalogue
    /// code <c>heart_rate</c>, or <c>{own code system}|heart_rate</c>. Empty when it names none.
    /// </summary>
    public static IReadOnlyList<VitalDefinition> ResolveToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            var any = new[]
            {
                ResolveCoding(FhirSystems.Loinc, token), ResolveCoding(FhirSystems.Vital, token), ResolveCoding(FhirSystems.MdcOid, token),
            };
            return [.. any.OfType<VitalDefinition>().Distinct()];
        }

        var system = token[..bar];
        var code = token[(bar + 1)..];
        return system.Length == 0 || ResolveCoding(system, code) is not { } vital ? [] : [vital];
    }

    private static VitalDefinition? ResolveCoding(string? system, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        return system switch
        {
            FhirSystems.Loinc => ByLoinc.GetValueOrDefault(code),
            FhirSystems.Vital => VitalCatalog.TryGet(code, out var vital) ? vital : null,
            FhirSystems.MdcOid or FhirSystems.MdcIso => ByMdc.GetValueOrDefault(code),
            _ => null,
        };
    }

    private static FrozenDictionary<string, VitalDefinition> BuildLoincIndex()
    {
        var index = VitalCatalog.All.Where(v => v.Loinc is not null)
            .ToDictionary(v => v.Loinc!, v => v, StringComparer.Ordinal);
        index[ArterialOxygenSaturationLoinc] = VitalCatalog.OxygenSaturation;
        index["55284-4"] = VitalCatalog.BloodPressure; // Blood pressure systolic and diastolic (older panel code)
        index["3141-9"] = VitalCatalog.BodyWeight; // Body weight Measured
        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
