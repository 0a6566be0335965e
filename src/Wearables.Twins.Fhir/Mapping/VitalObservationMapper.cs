using Hl7.Fhir.Model;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>
/// <see cref="VitalSample"/> → FHIR R4 Observation, shaped after the vital-signs profile: status final, category
/// vital-signs (plus activity for steps, distance and energy), code from <see cref="FhirVitalCodes"/>, subject
/// Patient/{id}, effectiveDateTime (instants) or effectivePeriod (intervals) with the sample's own offset, and
/// value[x] or components by the vital's shape.
/// </summary>
public static class VitalObservationMapper
{
    /// <summary>Component codes of the project's component code system.</summary>
    public const string ContextComponent = "context";
    public const string RrIntervalComponent = "rr_interval";
    public const string ClassificationComponent = "classification";
    public const string VoltageComponent = "voltage";

    private static readonly HashSet<string> ActivityVitals = new(StringComparer.Ordinal)
    {
        VitalCatalog.Steps.Code, VitalCatalog.Distance.Code, VitalCatalog.ActiveEnergy.Code,
    };

    /// <summary>Maps one sample of a patient's twin.</summary>
    /// <param name="patientId">The patient the twin belongs to (a FHIR id).</param>
    /// <param name="sample">The sample, in canonical units.</param>
    /// <param name="deviceId">The wearable that measured it, when known; omitted otherwise.</param>
    public static Observation ToObservation(string patientId, in VitalSample sample, string? deviceId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        var vital = sample.Type.Definition;
        var observation = new Observation
        {
            Id = ObservationIds.For(patientId, sample),
            Status = ObservationStatus.Final,
            Code = FhirVitalCodes.ConceptFor(vital),
            Subject = new ResourceReference("Patient/" + patientId),
            Effective = sample.End is { } end
                ? new Period(new FhirDateTime(FhirTime.Format(sample.Time)), new FhirDateTime(FhirTime.Format(end)))
                : new FhirDateTime(FhirTime.Format(sample.Time)),
        };

        if (VitalSignsProfiles.For(vital) is { } profile)
        {
            observation.Meta = new Meta { Profile = [VitalSignsProfiles.VitalSigns, profile] };
        }

        observation.Category.Add(Category("vital-signs", "Vital Signs"));
        if (ActivityVitals.Contains(vital.Code))
        {
            observation.Category.Add(Category("activity", "Activity"));
        }

        if (deviceId is not null)
        {
            observation.Device = new ResourceReference("Device/" + deviceId);
        }

        switch (vital.Shape)
        {
            case VitalShape.Scalar or VitalShape.Quantity:
                observation.Value = Quantity(sample.Value, vital);
                break;
            case VitalShape.BloodPressure:
                observation.Component.Add(Component(FhirVitalCodes.Loinc(FhirVitalCodes.SystolicLoinc), Quantity(sample.Value, vital)));
                observation.Component.Add(Component(FhirVitalCodes.Loinc(FhirVitalCodes.DiastolicLoinc), Quantity(sample.Value2, vital)));
                break;
            case VitalShape.Series:
                foreach (var value in sample.Series)
                {
                    observation.Component.Add(Component(OwnComponent(RrIntervalComponent, "RR interval"), Quantity(value, vital)));
                }

                break;
            case VitalShape.Category or VitalShape.CategoryInterval:
                observation.Value = CategoryConcept(vital, (int)sample.Value);
                break;
            case VitalShape.Recording:
                AddRecording(observation, sample, vital);
                break;
            default:
                throw new InvalidOperationException($"Shape {vital.Shape} of {vital.Code} has no FHIR mapping.");
        }

        if (vital.Qualifiers.Count > 0 && sample.Qualifier > 0 && sample.Qualifier < vital.Qualifiers.Count)
        {
            var context = vital.Qualifiers[sample.Qualifier];
            observation.Component.Add(Component(
                OwnComponent(ContextComponent, "Measurement context"),
                new CodeableConcept(FhirSystems.ContextsOf(vital), context, context.Replace('_', ' '), context)));
        }

        return observation;
    }

    /// <summary>A valueQuantity in the vital's canonical UCUM unit.</summary>
    public static Quantity Quantity(double value, VitalDefinition vital)
    {
        ArgumentNullException.ThrowIfNull(vital);
        var unit = vital.CanonicalUnit ?? "1";
        return new Quantity
        {
            Value = FhirNumbers.ToDecimal(value),
            Unit = UnitDisplay(vital, unit),
            System = FhirSystems.Ucum,
            Code = unit,
        };
    }

    private static void AddRecording(Observation observation, in VitalSample sample, VitalDefinition vital)
    {
        observation.Category.Add(Category("procedure", "Procedure"));
        var classification = (int)sample.Value2;
        if (classification >= 0 && classification < vital.Categories.Count)
        {
            observation.Component.Add(Component(OwnComponent(ClassificationComponent, "Classification"), CategoryConcept(vital, classification)));
        }

        if (!double.IsNaN(sample.Value))
        {
            observation.Component.Add(Component(FhirVitalCodes.Loinc(FhirVitalCodes.HeartRateLoinc), Quantity(sample.Value, VitalCatalog.HeartRate)));
        }

        if (!sample.Series.IsDefaultOrEmpty && sample.End is { } end)
        {
            var periodMs = (end - sample.Time).TotalMilliseconds / sample.Series.Length;
            var data = new SampledData
            {
                Origin = new Quantity { Value = 0, Unit = UnitDisplay(vital, vital.CanonicalUnit!), System = FhirSystems.Ucum, Code = vital.CanonicalUnit },
                Period = FhirNumbers.ToDecimal(periodMs),
                Dimensions = 1,
                Data = string.Join(' ', sample.Series.Select(FhirNumbers.Format)),
            };
            observation.Component.Add(Component(OwnComponent(VoltageComponent, "ECG voltage, single lead"), data));
        }
    }

    private static CodeableConcept CategoryConcept(VitalDefinition vital, int index)
    {
        var name = index >= 0 && index < vital.Categories.Count ? vital.Categories[index] : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new CodeableConcept(FhirSystems.CategoriesOf(vital), name, name.Replace('_', ' '), name);
    }

    private static CodeableConcept Category(string code, string display)
        => new(FhirSystems.ObservationCategory, code, display, display);

    private static CodeableConcept OwnComponent(string code, string display)
        => new(FhirSystems.Component, code, display, display);

    private static Observation.ComponentComponent Component(Coding code, DataType value)
        => new() { Code = new CodeableConcept { Coding = [code], Text = code.Display }, Value = value };

    private static Observation.ComponentComponent Component(CodeableConcept code, DataType value)
        => new() { Code = code, Value = value };

    private static string UnitDisplay(VitalDefinition vital, string unit) => unit switch
    {
        "/min" when vital == VitalCatalog.RespiratoryRate => "breaths/minute",
        "/min" => "beats/minute",
        "Cel" => "°C",
        "mm[Hg]" => "mmHg",
        "{steps}" => "steps",
        "{score}" => "score",
        "uV" => "µV",
        _ => unit,
    };
}
