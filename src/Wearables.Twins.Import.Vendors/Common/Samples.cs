using System.Globalization;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Vendors.Common;

/// <summary>
/// Builds wire samples and checks them against the vitals catalogue before they leave the importer. The service
/// validates every sample again with the live-telemetry rules; checking here as well lets the report say where in
/// the file an impossible value was (the service only sees an envelope index), and keeps device placeholders
/// such as a 30 ms RR interval out of the envelopes. Only rules that depend on the file are checked here: unit,
/// plausible range, category, interval order. Clock-dependent rules (too old, in the future) stay with the service.
/// </summary>
internal static class Samples
{
    public static EnvelopeSample Scalar(VitalDefinition vital, DateTimeOffset time, double value, string unit, string? context = null)
        => new() { Type = vital.Code, Time = WireTime.Format(time), Value = value, Unit = unit, Context = context };

    /// <summary>A quantity accumulated over <paramref name="start"/>..<paramref name="end"/> (steps, distance, energy).</summary>
    public static EnvelopeSample Quantity(VitalDefinition vital, DateTimeOffset start, DateTimeOffset? end, double value, string unit)
        => new()
        {
            Type = vital.Code,
            Time = WireTime.Format(start),
            End = end is { } e ? WireTime.Format(e) : null,
            Value = value,
            Unit = unit,
        };

    public static EnvelopeSample SleepStage(DateTimeOffset start, DateTimeOffset end, string stage)
        => new() { Type = VitalCatalog.SleepStage.Code, Time = WireTime.Format(start), End = WireTime.Format(end), Stage = stage };

    public static EnvelopeSample BloodPressure(DateTimeOffset time, double systolic, double diastolic, string unit)
        => new()
        {
            Type = VitalCatalog.BloodPressure.Code,
            Time = WireTime.Format(time),
            Systolic = systolic,
            Diastolic = diastolic,
            Unit = unit,
        };

    public static EnvelopeSample Series(VitalDefinition vital, DateTimeOffset time, IList<double> values, string unit)
        => new() { Type = vital.Code, Time = WireTime.Format(time), Values = values, Unit = unit };

    public static EnvelopeSample Category(VitalDefinition vital, DateTimeOffset time, DateTimeOffset? end, string category)
        => new()
        {
            Type = vital.Code,
            Time = WireTime.Format(time),
            End = end is { } e ? WireTime.Format(e) : null,
            Category = category,
        };

    /// <summary>The sample as a record, or a rejection saying where and why it cannot be one.</summary>
    public static ImportRecord Emit(EnvelopeSample sample, string location, string? source = null)
        => Check(sample) is { } problem
            ? ImportRecord.Rejected(problem.Reason, $"{location}: {problem.Detail}", source)
            : ImportRecord.Of(sample, source);

    /// <summary>Null when the sample passes the file-dependent rules; otherwise the reason and a sentence.</summary>
    public static (string Reason, string Detail)? Check(EnvelopeSample sample)
    {
        if (sample.Type is null || !VitalCatalog.TryGet(sample.Type, out var vital))
        {
            return (ImportReasons.UnsupportedRecordType, $"'{sample.Type}' is not a vital of the catalogue.");
        }

        UnitConversion? unit = null;
        var needsUnit = vital.RequiresUnit && !(vital.Shape == VitalShape.Recording && sample.Values is not { Count: > 0 });
        if (needsUnit)
        {
            if (string.IsNullOrEmpty(sample.Unit))
            {
                return (ImportReasons.UnsupportedUnit, $"{vital.Code} needs a unit ({vital.CanonicalUnit} or an accepted alias).");
            }

            if (!vital.TryGetUnit(sample.Unit, out unit))
            {
                return (ImportReasons.UnsupportedUnit,
                    $"'{sample.Unit}' is not a unit of {vital.Code}; accepted: {string.Join(", ", vital.AcceptedUnits.Select(u => u.Unit))}.");
            }
        }

        if (sample.End is not null && !IsAfter(sample.End, sample.Time))
        {
            return (ImportReasons.UnreadableRecord, $"the interval ends ({sample.End}) before it starts ({sample.Time}).");
        }

        if (vital.RequiresEnd && sample.End is null)
        {
            return (ImportReasons.UnreadableRecord, $"{vital.Code} needs an end time.");
        }

        switch (vital.Shape)
        {
            case VitalShape.Scalar or VitalShape.Quantity:
                return CheckNumber(vital, sample.Value, unit, "value");
            case VitalShape.BloodPressure:
                if (CheckNumber(vital, sample.Systolic, unit, "systolic") is { } systolic)
                {
                    return systolic;
                }

                if (CheckNumber(vital, sample.Diastolic, unit, "diastolic") is { } diastolic)
                {
                    return diastolic;
                }

                return sample.Diastolic >= sample.Systolic
                    ? (VendorImportReasons.ImplausibleValue, Invariant($"diastolic {sample.Diastolic} is not lower than systolic {sample.Systolic}."))
                    : null;
            case VitalShape.Series:
                if (sample.Values is not { Count: > 0 } values)
                {
                    return (ImportReasons.UnreadableRecord, $"{vital.Code} needs at least one value.");
                }

                if (values.Count > vital.MaxSeriesLength)
                {
                    return (ImportReasons.UnreadableRecord, $"{vital.Code} carries {values.Count} values; at most {vital.MaxSeriesLength}.");
                }

                foreach (var value in values)
                {
                    if (CheckNumber(vital, value, unit, "value") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            default:
                var name = sample.Category ?? sample.Stage;
                return name is not null && vital.TryGetCategory(name, out _)
                    ? null
                    : (ImportReasons.UnreadableRecord, $"'{name}' is not a category of {vital.Code} ({string.Join(", ", vital.Categories)}).");
        }
    }

    private static (string Reason, string Detail)? CheckNumber(VitalDefinition vital, double? raw, UnitConversion? unit, string field)
    {
        if (raw is not { } value || !double.IsFinite(value))
        {
            return (ImportReasons.UnreadableRecord, $"{vital.Code} has no {field}.");
        }

        var canonical = unit?.ToCanonical(value) ?? value;
        return vital.IsPlausible(canonical)
            ? null
            : (VendorImportReasons.ImplausibleValue, Invariant(
                $"{vital.Code} {field} {value} {unit?.Unit} is outside the plausible range {vital.Min}–{vital.Max} {vital.CanonicalUnit}."));
    }

    private static bool IsAfter(string end, string? start)
        => DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.None, out var e)
            && DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
            && e > s;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
