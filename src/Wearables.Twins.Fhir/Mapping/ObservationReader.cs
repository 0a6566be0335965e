using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>
/// FHIR R4 Observation → the telemetry contract (<see cref="EnvelopeSample"/>). Only what the FHIR form decides
/// is checked here (status, subject, code, effective[x], value shape, UCUM); units, ranges and times are then
/// validated by the same ingest rules as every other door.
/// </summary>
public static class ObservationReader
{
    /// <summary>The category an ECG gets when the sender gives none (another system's ECG is not classified).</summary>
    public const string UnclassifiedEcg = "unrecognized";

    private static readonly string StoredStatuses = "final, amended or corrected";

    public static bool TryRead(Observation observation, out InboundObservation result, out FhirIssue issue)
    {
        ArgumentNullException.ThrowIfNull(observation);
        result = null!;
        var patientId = string.Empty;
        VitalDefinition vital = null!;
        DateTimeOffset start = default;
        DateTimeOffset? end = null;
        EnvelopeSample sample = null!;
        var found = CheckStatus(observation);
        found ??= ReadSubject(observation, out patientId);
        found ??= ReadCode(observation, out vital);
        found ??= ReadEffective(observation, out start, out end);
        found ??= ReadValue(observation, vital, start, ref end, out sample);
        if (found is not null)
        {
            issue = found;
            return false;
        }

        sample.Type = vital.Code;
        sample.Time = FhirTime.ToRfc3339(start);
        sample.End = end is { } e && vital.AcceptsEnd ? FhirTime.ToRfc3339(e) : null;
        var deviceId = FhirIds.TryParseReference(observation.Device?.Reference, "Device", out var device) ? device : null;
        result = new InboundObservation(patientId, deviceId, vital, start, vital.AcceptsEnd ? end : null, sample);
        issue = null!;
        return true;
    }

    private static FhirIssue? CheckStatus(Observation observation) => observation.Status switch
    {
        ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected => null,
        null => FhirIssue.BadRequest(IssueType.Required, FhirReasons.UnsupportedStatus,
            $"Observation.status is missing; only {StoredStatuses} Observations are stored.", "Observation.status"),
        ObservationStatus.Cancelled => FhirIssue.BadRequest(IssueType.BusinessRule, FhirReasons.UnsupportedStatus,
            $"Observation.status is 'cancelled': the measurement was not made, so there is nothing to store. Only {StoredStatuses} Observations are stored.",
            "Observation.status"),
        var status => FhirIssue.BadRequest(IssueType.BusinessRule, FhirReasons.UnsupportedStatus,
            $"Observation.status is '{status.GetLiteral()}'; only {StoredStatuses} Observations are stored.", "Observation.status"),
    };

    private static FhirIssue? ReadSubject(Observation observation, out string patientId)
    {
        var reference = observation.Subject?.Reference;
        if (FhirIds.TryParseReference(reference, "Patient", out patientId))
        {
            return null;
        }

        return reference is null
            ? FhirIssue.BadRequest(IssueType.Required, FhirReasons.MissingSubject,
                "Observation.subject must reference the patient as Patient/{id}.", "Observation.subject")
            : FhirIssue.BadRequest(IssueType.Value, FhirReasons.InvalidSubject,
                $"Observation.subject '{reference}' is not a Patient/{{id}} reference with an id of 1–{FhirIds.MaxLength} letters, digits, '-' or '.'.",
                "Observation.subject");
    }

    private static FhirIssue? ReadCode(Observation observation, out VitalDefinition vital)
    {
        if (FhirVitalCodes.TryResolve(observation.Code, out vital, out var problem))
        {
            return null;
        }

        return FhirIssue.BadRequest(IssueType.CodeInvalid, FhirReasons.UnknownCode, problem, "Observation.code");
    }

    private static FhirIssue? ReadEffective(Observation observation, out DateTimeOffset start, out DateTimeOffset? end)
    {
        start = default;
        end = null;
        switch (observation.Effective)
        {
            case null:
                return FhirIssue.BadRequest(IssueType.Required, FhirReasons.MissingEffective,
                    "Observation.effective[x] is missing; give effectiveDateTime, effectiveInstant or effectivePeriod.", "Observation.effective");
            case FhirDateTime dateTime:
                return ReadTime(dateTime.Value, "Observation.effectiveDateTime", out start, out _);
            case Instant instant when instant.Value is { } value:
                start = value;
                return null;
            case Period period:
                if (period.Start is null)
                {
                    return FhirIssue.BadRequest(IssueType.Required, FhirReasons.MissingEffective,
                        "Observation.effectivePeriod.start is missing.", "Observation.effectivePeriod.start");
                }

                if (ReadTime(period.Start, "Observation.effectivePeriod.start", out start, out _) is { } startIssue)
                {
                    return startIssue;
                }

                if (period.End is null)
                {
                    return null;
                }

                // A date-only end means "through that day": its range ends at the next midnight.
                if (ReadTime(period.End, "Observation.effectivePeriod.end", out var endStart, out var endRangeEnd) is { } endIssue)
                {
                    return endIssue;
                }

                end = endStart.TimeOfDay == TimeSpan.Zero && period.End.Length == 10 ? endRangeEnd : endStart;
                return null;
            default:
                return FhirIssue.BadRequest(IssueType.NotSupported, FhirReasons.InvalidEffective,
                    $"Observation.effective{observation.Effective.TypeName} is not supported; give effectiveDateTime, effectiveInstant or effectivePeriod.",
                    "Observation.effective");
        }
    }

    private static FhirIssue? ReadTime(string? text, string path, out DateTimeOffset start, out DateTimeOffset rangeEnd)
    {
        if (!FhirTime.TryParse(text, out start, out rangeEnd, out var precision))
        {
            return FhirIssue.BadRequest(IssueType.Value, FhirReasons.InvalidEffective,
                $"{path} '{text}' is not a FHIR dateTime with an offset.", path);
        }

        return precision < FhirTime.Precision.Day
            ? FhirIssue.BadRequest(IssueType.Value, FhirReasons.InvalidEffective,
                $"{path} '{text}' is only precise to the {precision.ToString().ToLowerInvariant()}; vital signs need at least a day.", path)
            : null;
    }

    private static FhirIssue? ReadValue(
        Observation observation, VitalDefinition vital, DateTimeOffset start, ref DateTimeOffset? end, out EnvelopeSample sample)
    {
        sample = new EnvelopeSample();
        var issue = vital.Shape switch
        {
            VitalShape.Scalar or VitalShape.Quantity => ReadScalar(observation, vital, sample),
            VitalShape.BloodPressure => ReadBloodPressure(observation, sample),
            VitalShape.Series => ReadSeries(observation, vital, out sample),
            VitalShape.Category or VitalShape.CategoryInterval => ReadCategory(observation, vital, sample),
            VitalShape.Recording => ReadRecording(observation, vital, start, ref end, out sample),
            _ => FhirIssue.BadRequest(IssueType.NotSupported, FhirReasons.UnsupportedValue, $"{vital.Code} cannot be read from FHIR."),
        };
        if (issue is null && vital.Qualifiers.Count > 0)
        {
            issue = ReadContext(observation, vital, sample);
        }

        return issue;
    }

    private static FhirIssue? ReadScalar(Observation observation, VitalDefinition vital, EnvelopeSample sample)
    {
        if (observation.Value is not Quantity quantity)
        {
            return NoValue(observation, vital, "valueQuantity");
        }

        if (ReadQuantity(quantity, "Observation.valueQuantity", out var value, out var unit) is { } issue)
        {
            return issue;
        }

        sample.Value = value;
        sample.Unit = unit;
        return null;
    }

    private static FhirIssue? ReadBloodPressure(Observation observation, EnvelopeSample sample)
    {
        var systolic = observation.Component.FirstOrDefault(c => FhirVitalCodes.HasLoinc(c.Code, FhirVitalCodes.SystolicLoinc));
        var diastolic = observation.Component.FirstOrDefault(c => FhirVitalCodes.HasLoinc(c.Code, FhirVitalCodes.DiastolicLoinc));
        var high = systolic?.Value as Quantity;
        var low = diastolic?.Value as Quantity;
        var missing = new List<string>();
        if (high?.Value is null)
        {
            missing.Add(DescribeMissing("systolic", FhirVitalCodes.SystolicLoinc, systolic));
        }

        if (low?.Value is null)
        {
            missing.Add(DescribeMissing("diastolic", FhirVitalCodes.DiastolicLoinc, diastolic));
        }

        if (missing.Count > 0)
        {
            var absent = observation.DataAbsentReason is { } reason ? $" (the Observation's dataAbsentReason is {Describe(reason)})" : string.Empty;
            return FhirIssue.BadRequest(IssueType.Required, RejectReasons.MissingValue,
                $"Blood pressure is stored only as a pair: both systolic (LOINC {FhirVitalCodes.SystolicLoinc}) and diastolic (LOINC {FhirVitalCodes.DiastolicLoinc}) "
                + $"components need a valueQuantity; {string.Join("; ", missing)}{absent}.",
                "Observation.component");
        }

        var systolicIndex = observation.Component.IndexOf(systolic!);
        var diastolicIndex = observation.Component.IndexOf(diastolic!);
        var systolicIssue = ReadQuantity(high!, $"Observation.component[{systolicIndex}].valueQuantity", out var systolicValue, out var highUnit);
        if (systolicIssue is not null)
        {
            return systolicIssue;
        }

        var diastolicIssue = ReadQuantity(low!, $"Observation.component[{diastolicIndex}].valueQuantity", out var diastolicValue, out var lowUnit);
        if (diastolicIssue is not null)
        {
            return diastolicIssue;
        }

        if (!string.Equals(highUnit, lowUnit, StringComparison.OrdinalIgnoreCase))
        {
            return FhirIssue.BadRequest(IssueType.Value, RejectReasons.WrongUnit,
                $"Systolic is in '{highUnit}' but diastolic in '{lowUnit}'; send both in the same unit (mm[Hg]).", "Observation.component");
        }

        sample.Systolic = systolicValue;
        sample.Diastolic = diastolicValue;
        sample.Unit = highUnit;
        return null;
    }

    private static FhirIssue? ReadSeries(Observation observation, VitalDefinition vital, out EnvelopeSample sample)
    {
        var values = new List<double>();
        string? unit = null;
        for (var i = 0; i < observation.Component.Count; i++)
        {
            var component = observation.Component[i];
            if (!FhirVitalCodes.HasComponent(component.Code, VitalObservationMapper.RrIntervalComponent))
            {
                continue;
            }

            var path = $"Observation.component[{i}].valueQuantity";
            if (component.Value is not Quantity quantity)
            {
                sample = new EnvelopeSample();
                return FhirIssue.BadRequest(IssueType.Required, RejectReasons.MissingValue, $"{path} is missing.", path);
            }

            if (ReadQuantity(quantity, path, out var value, out var componentUnit) is { } issue)
            {
                sample = new EnvelopeSample();
                return issue;
            }

            if (unit is not null && !string.Equals(unit, componentUnit, StringComparison.OrdinalIgnoreCase))
            {
                sample = new EnvelopeSample();
                return FhirIssue.BadRequest(IssueType.Value, RejectReasons.WrongUnit,
                    $"RR intervals mix units ('{unit}' and '{componentUnit}'); send them in one unit.", path);
            }

            unit = componentUnit;
            values.Add(value);
        }

        sample = new EnvelopeSample { Values = values, Unit = unit };
        return values.Count > 0
            ? null
            : FhirIssue.BadRequest(IssueType.Required, RejectReasons.MissingValue,
                $"{vital.Code} needs one component per interval, coded {FhirSystems.Component}|{VitalObservationMapper.RrIntervalComponent}, with a valueQuantity in ms.",
                "Observation.component");
    }

    private static FhirIssue? ReadCategory(Observation observation, VitalDefinition vital, EnvelopeSample sample)
    {
        string? name = null;
        if (observation.Value is CodeableConcept concept)
        {
            name = concept.Coding.FirstOrDefault(c => c.System == FhirSystems.CategoriesOf(vital))?.Code;
            if (name is null)
            {
                return FhirIssue.BadRequest(IssueType.CodeInvalid, RejectReasons.UnknownCategory,
                    $"{vital.Code} needs valueCodeableConcept with a coding of {FhirSystems.CategoriesOf(vital)}: {string.Join(", ", vital.Categories)}.",
                    "Observation.valueCodeableConcept");
            }
        }
        else if (observation.Value is not null || vital.Categories.Count != 1)
        {
            return NoValue(observation, vital, "valueCodeableConcept");
        }

        if (vital.Shape == VitalShape.CategoryInterval)
        {
            sample.Stage = name;
        }
        else
        {
            sample.Category = name;
        }

        return null;
    }

    private static FhirIssue? ReadRecording(
        Observation observation, VitalDefinition vital, DateTimeOffset start, ref DateTimeOffset? end, out EnvelopeSample sample)
    {
        sample = new EnvelopeSample();
        string? category = UnclassifiedEcg;
        var classification = observation.Component.FirstOrDefault(c => FhirVitalCodes.HasComponent(c.Code, VitalObservationMapper.ClassificationComponent));
        if (classification is not null)
        {
            category = (classification.Value as CodeableConcept)?.Coding.FirstOrDefault(c => c.System == FhirSystems.CategoriesOf(vital))?.Code;
            if (category is null)
            {
                return FhirIssue.BadRequest(IssueType.CodeInvalid, RejectReasons.UnknownCategory,
                    $"The classification component needs a valueCodeableConcept coded in {FhirSystems.CategoriesOf(vital)}: {string.Join(", ", vital.Categories)}.",
                    $"Observation.component[{observation.Component.IndexOf(classification)}]");
            }
        }

        double? averageHeartRate = null;
        var heartRate = observation.Component.FirstOrDefault(c => FhirVitalCodes.HasLoinc(c.Code, FhirVitalCodes.HeartRateLoinc));
        if (heartRate is not null)
        {
            var path = $"Observation.component[{observation.Component.IndexOf(heartRate)}].valueQuantity";
            if (heartRate.Value is not Quantity quantity
                || ReadQuantity(quantity, path, out var average, out var rateUnit) is not null
                || rateUnit is null
                || !VitalCatalog.HeartRate.TryGetUnit(rateUnit, out var conversion))
            {
                return FhirIssue.BadRequest(IssueType.Value, RejectReasons.WrongUnit,
                    $"The ECG's average heart rate (LOINC {FhirVitalCodes.HeartRateLoinc}) needs a valueQuantity in /min.", path);
            }

            averageHeartRate = conversion.ToCanonical(average);
        }

        List<double>? values = null;
        string? unit = null;
        var (data, dataPath) = FindSampledData(observation);
        if (data is not null)
        {
            if (ReadSampledData(data, dataPath, out values, out unit, out var periodMs) is { } issue)
            {
                return issue;
            }

            end ??= start.AddTicks((long)Math.Round(periodMs * values.Count * TimeSpan.TicksPerMillisecond));
        }

        sample = new EnvelopeSample { Category = category, Value = averageHeartRate, Values = values, Unit = unit };
        return end is null
            ? FhirIssue.BadRequest(IssueType.Required, RejectReasons.InvalidInterval,
                "An ECG needs its end: give effectivePeriod.end, or the voltages as SampledData with a period.", "Observation.effective")
            : null;
    }

    private static (SampledData? Data, string Path) FindSampledData(Observation observation)
    {
        if (observation.Value is SampledData own)
        {
            return (own, "Observation.valueSampledData");
        }

        // Ours ("voltage"), else lead I (MDC 131329), else the first lead: the twin keeps one lead.
        var component = observation.Component.FirstOrDefault(c => FhirVitalCodes.HasComponent(c.Code, VitalObservationMapper.VoltageComponent) && c.Value is SampledData)
            ?? observation.Component.FirstOrDefault(c => c.Value is SampledData && c.Code?.Coding.Any(k => k.Code == "131329" && k.System is FhirSystems.MdcOid or FhirSystems.MdcIso) == true)
            ?? observation.Component.FirstOrDefault(c => c.Value is SampledData);
        return component?.Value is SampledData data
            ? (data, $"Observation.component[{observation.Component.IndexOf(component)}].valueSampledData")
            : (null, string.Empty);
    }

    private static FhirIssue? ReadSampledData(SampledData data, string path, out List<double> values, out string? unit, out double periodMs)
    {
        values = [];
        unit = null;
        periodMs = (double)(data.Period ?? 0);
        if (data.Dimensions is not 1)
        {
            return FhirIssue.BadRequest(IssueType.NotSupported, FhirReasons.UnsupportedValue,
                $"{path}.dimensions is {data.Dimensions}; one lead per SampledData (dimensions 1) is supported.", path + ".dimensions");
        }

        if (data.Origin is not { } origin || (origin.System is not null && origin.System != FhirSystems.Ucum) || string.IsNullOrEmpty(origin.Code))
        {
            return FhirIssue.BadRequest(IssueType.Required, RejectReasons.MissingUnit,
                $"{path}.origin has no UCUM unit, so the voltages' unit cannot be known (µV and mV differ a thousandfold); "
                + $"give origin.system {FhirSystems.Ucum} and origin.code (uV or mV).", path + ".origin");
        }

        if (periodMs <= 0)
        {
            return FhirIssue.BadRequest(IssueType.Required, RejectReasons.InvalidInterval,
                $"{path}.period must be the milliseconds between samples (> 0).", path + ".period");
        }

        var originValue = (double)(origin.Value ?? 0);
        var factor = (double)(data.Factor ?? 1);
        foreach (var token in (data.Data ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var raw))
            {
                return FhirIssue.BadRequest(IssueType.NotSupported, FhirReasons.UnsupportedValue,
                    $"{path}.data holds '{token}'; only numbers are stored (no E, L or U markers).", path + ".data");
            }

            values.Add(originValue + (factor * raw));
        }

        unit = origin.Code;
        return values.Count > 0
            ? null
            : FhirIssue.BadRequest(IssueType.Required, RejectReasons.MissingValue, $"{path}.data is empty.", path + ".data");
    }

    private static FhirIssue? ReadContext(Observation observation, VitalDefinition vital, EnvelopeSample sample)
    {
        var component = observation.Component.FirstOrDefault(c => FhirVitalCodes.HasComponent(c.Code, VitalObservationMapper.ContextComponent));
        if (component is null)
        {
            return null;
        }

        sample.Context = (component.Value as CodeableConcept)?.Coding.FirstOrDefault(c => c.System == FhirSystems.ContextsOf(vital))?.Code;
        return sample.Context is not null
            ? null
            : FhirIssue.BadRequest(IssueType.CodeInvalid, RejectReasons.UnknownContext,
                $"The context component needs a valueCodeableConcept coded in {FhirSystems.ContextsOf(vital)}: {string.Join(", ", vital.Qualifiers)}.",
                $"Observation.component[{observation.Component.IndexOf(component)}]");
    }

    private static FhirIssue? ReadQuantity(Quantity quantity, string path, out double value, out string? unit)
    {
        value = 0;
        unit = null;
        if (quantity.Value is not { } number)
        {
            return FhirIssue.BadRequest(IssueType.Required, RejectReasons.MissingValue, $"{path}.value is missing.", path + ".value");
        }

        if (quantity.Comparator is { } comparator)
        {
            return FhirIssue.BadRequest(IssueType.NotSupported, FhirReasons.UnsupportedValue,
                $"{path} has comparator '{comparator.GetLiteral()}'; only exact values are stored.", path + ".comparator");
        }

        if (quantity.System is not null && quantity.System != FhirSystems.Ucum)
        {
            return FhirIssue.BadRequest(IssueType.Value, FhirReasons.NonUcumUnit,
                $"{path}.system is '{quantity.System}'; units must be UCUM ({FhirSystems.Ucum}).", path + ".system");
        }

        value = (double)number;
        unit = quantity.Code ?? quantity.Unit;
        return null;
    }

    private static FhirIssue NoValue(Observation observation, VitalDefinition vital, string expected)
    {
        if (observation.Value is null)
        {
            var absent = observation.DataAbsentReason is { } reason ? $" (dataAbsentReason: {Describe(reason)})" : string.Empty;
            return FhirIssue.BadRequest(IssueType.Required, RejectReasons.MissingValue,
                $"The Observation has no value{absent}; {vital.Code} needs {expected}.", "Observation.value");
        }

        return FhirIssue.BadRequest(IssueType.NotSupported, FhirReasons.UnsupportedValue,
            $"{vital.Code} needs {expected}, not value{observation.Value.TypeName}.", "Observation.value");
    }

    private static string DescribeMissing(string name, string loinc, Observation.ComponentComponent? component) => component switch
    {
        null => $"there is no {name} component ({loinc})",
        { DataAbsentReason: { } reason } => $"the {name} value is absent ({Describe(reason)})",
        _ => $"the {name} component has no valueQuantity",
    };

    private static string Describe(CodeableConcept concept)
        => concept.Coding.FirstOrDefault()?.Code ?? concept.Text ?? "unspecified";
}
