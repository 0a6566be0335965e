using System.Collections.Immutable;
using System.Globalization;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Ingest.Decoding;

/// <summary>
/// Turns one wire sample into a canonical <see cref="VitalSample"/>, or says precisely why it cannot.
/// Everything vital-specific comes from the catalogue entry, so a new vital needs no code here.
/// </summary>
internal sealed class SampleNormalizer(IngestOptions options)
{
    public bool TryNormalize(
        EnvelopeSample wire, DateTimeOffset now, int index, SourceKind deviceSource, out VitalSample sample, out SampleVerdict rejection)
    {
        sample = default;
        rejection = default;

        if (string.IsNullOrEmpty(wire.Type) || !VitalCatalog.TryGet(wire.Type, out var vital))
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.UnknownType, wire.Type is null
                ? "The sample has no \"type\"."
                : $"Unknown vital type '{wire.Type}'. Known types: {string.Join(", ", VitalCatalog.All.Select(v => v.Code))}.");
            return false;
        }

        if (!TryReadTimes(wire, vital, now, index, out var time, out var end, out rejection)
            || !TryReadUnit(wire, vital, index, out var unit, out rejection))
        {
            return false;
        }

        var source = deviceSource;
        if (wire.Source is { } sourceName && !SourceKinds.TryParse(sourceName, out source))
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.UnknownSource,
                $"\"source\" '{sourceName}' is not one of: {string.Join(", ", SourceKinds.All)}.");
            return false;
        }

        if (!TryReadQualifier(wire, vital, index, out var qualifier, out rejection)
            || !TryReadReading(wire, vital, unit, time, end, index, out sample, out rejection))
        {
            return false;
        }

        sample = sample with { Qualifier = qualifier, Source = source };
        return true;
    }

    private static bool TryReadReading(
        EnvelopeSample wire, VitalDefinition vital, UnitConversion? unit, DateTimeOffset time, DateTimeOffset? end,
        int index, out VitalSample sample, out SampleVerdict rejection)
    {
        sample = default;
        switch (vital.Shape)
        {
            case VitalShape.Scalar or VitalShape.Quantity:
                if (!TryReadNumber(wire.Value, "value", vital, unit, index, out var value, out rejection))
                {
                    return false;
                }

                sample = new VitalSample(vital.Type, time, end, value, double.NaN, []);
                return true;

            case VitalShape.BloodPressure:
                if (!TryReadNumber(wire.Systolic, "systolic", vital, unit, index, out var systolic, out rejection)
                    || !TryReadNumber(wire.Diastolic, "diastolic", vital, unit, index, out var diastolic, out rejection))
                {
                    return false;
                }

                if (diastolic >= systolic)
                {
                    rejection = SampleVerdict.Reject(index, RejectReasons.ImplausibleValue,
                        Invariant($"Diastolic {diastolic} must be lower than systolic {systolic}."));
                    return false;
                }

                sample = new VitalSample(vital.Type, time, end, systolic, diastolic, []);
                return true;

            case VitalShape.Series:
                return TryReadSeries(wire, vital, unit, time, end, index, out sample, out rejection);

            case VitalShape.CategoryInterval or VitalShape.Category:
                if (!TryReadCategory(wire, vital, index, out var category, out rejection))
                {
                    return false;
                }

                sample = new VitalSample(vital.Type, time, end, category, double.NaN, []);
                return true;

            case VitalShape.Recording:
                return TryReadRecording(wire, vital, unit, time, end, index, out sample, out rejection);

            default:
                throw new InvalidOperationException($"Shape {vital.Shape} of {vital.Code} has no reader.");
        }
    }

    private static bool TryReadCategory(EnvelopeSample wire, VitalDefinition vital, int index, out int category, out SampleVerdict rejection)
    {
        rejection = default;
        var name = wire.Category ?? wire.Stage;
        if (name is null && vital.Categories.Count == 1)
        {
            // A vital with one category (a cycle start) is fully said by the sample's presence.
            category = 0;
            return true;
        }

        if (string.IsNullOrEmpty(name) || !vital.TryGetCategory(name, out category))
        {
            category = 0;
            var field = vital.Shape == VitalShape.CategoryInterval ? "stage" : "category";
            rejection = SampleVerdict.Reject(index, RejectReasons.UnknownCategory,
                $"{vital.Code} needs \"{field}\" with one of: {string.Join(", ", vital.Categories)}.");
            return false;
        }

        return true;
    }

    private static bool TryReadQualifier(EnvelopeSample wire, VitalDefinition vital, int index, out byte qualifier, out SampleVerdict rejection)
    {
        qualifier = 0;
        rejection = default;
        if (wire.Context is null)
        {
            return true;
        }

        if (vital.Qualifiers.Count == 0 || !vital.TryGetQualifier(wire.Context, out var value))
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.UnknownContext, vital.Qualifiers.Count == 0
                ? $"{vital.Code} takes no \"context\"."
                : $"\"context\" of {vital.Code} must be one of: {string.Join(", ", vital.Qualifiers)}.");
            return false;
        }

        qualifier = (byte)value;
        return true;
    }

    private static bool TryReadRecording(
        EnvelopeSample wire, VitalDefinition vital, UnitConversion? unit, DateTimeOffset time, DateTimeOffset? end,
        int index, out VitalSample sample, out SampleVerdict rejection)
    {
        sample = default;
        if (!TryReadCategory(wire, vital, index, out var classification, out rejection))
        {
            return false;
        }

        var averageHeartRate = double.NaN;
        if (wire.Value is { } average)
        {
            if (!VitalCatalog.HeartRate.IsPlausible(average))
            {
                rejection = SampleVerdict.Reject(index, RejectReasons.ImplausibleValue, Invariant(
                    $"{vital.Code} average heart rate {average:0.##} /min is outside {VitalCatalog.HeartRate.Min}–{VitalCatalog.HeartRate.Max}."));
                return false;
            }

            averageHeartRate = average;
        }

        ImmutableArray<double> voltages = [];
        if (wire.Values is { Count: > 0 })
        {
            if (!TryReadSeries(wire, vital, unit, time, end, index, out var series, out rejection))
            {
                return false;
            }

            voltages = series.Series;
        }

        // Value2 holds the classification so that Value keeps the number a chart would plot (average heart rate).
        sample = new VitalSample(vital.Type, time, end, averageHeartRate, classification, voltages);
        return true;
    }

    private bool TryReadTimes(
        EnvelopeSample wire, VitalDefinition vital, DateTimeOffset now, int index,
        out DateTimeOffset time, out DateTimeOffset? end, out SampleVerdict rejection)
    {
        end = null;
        rejection = default;
        if (!Rfc3339.TryParse(wire.Time, out time))
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.InvalidTimestamp, wire.Time is null
                ? "The sample has no \"time\"."
                : $"Time '{wire.Time}' is not RFC 3339 with an offset, e.g. 2026-11-27T10:00:00+01:00.");
            return false;
        }

        if (time > now + options.MaxFutureSkew)
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.FutureTimestamp,
                $"Time {wire.Time} is more than {options.MaxFutureSkew.TotalMinutes:0} minutes ahead of the service clock.");
            return false;
        }

        if (time < now - options.MaxSampleAge)
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.TooOld,
                $"Time {wire.Time} is older than the {options.MaxSampleAge.TotalDays:0} days the service accepts.");
            return false;
        }

        var needsEnd = vital.RequiresEnd;
        if (wire.End is null)
        {
            if (needsEnd)
            {
                rejection = SampleVerdict.Reject(index, RejectReasons.InvalidInterval, $"{vital.Code} needs \"end\".");
                return false;
            }

            return true;
        }

        if (!vital.AcceptsEnd)
        {
            // An end on an instantaneous reading carries no meaning; ignore it rather than refuse the reading.
            return true;
        }

        if (!Rfc3339.TryParse(wire.End, out var parsedEnd) || parsedEnd <= time)
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.InvalidInterval,
                $"End '{wire.End}' must be an RFC 3339 time with an offset, after time {wire.Time}.");
            return false;
        }

        if (parsedEnd > now + options.MaxFutureSkew)
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.FutureTimestamp,
                $"End {wire.End} is ahead of the service clock.");
            return false;
        }

        end = parsedEnd;
        return true;
    }

    private static bool TryReadUnit(
        EnvelopeSample wire, VitalDefinition vital, int index, out UnitConversion? unit, out SampleVerdict rejection)
    {
        unit = null;
        rejection = default;
        var recordingWithoutSamples = vital.Shape == VitalShape.Recording && wire.Values is not { Count: > 0 };
        if (!vital.RequiresUnit || recordingWithoutSamples)
        {
            return true;
        }

        var accepted = string.Join(", ", vital.AcceptedUnits.Select(u => u.Unit));
        if (string.IsNullOrEmpty(wire.Unit))
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.MissingUnit,
                $"{vital.Code} needs a \"unit\": {vital.CanonicalUnit} (also accepted: {accepted}).");
            return false;
        }

        if (!vital.TryGetUnit(wire.Unit, out var conversion))
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.WrongUnit,
                $"Unit '{wire.Unit}' is not a unit of {vital.Code}; use one of: {accepted}.");
            return false;
        }

        unit = conversion;
        return true;
    }

    private static bool TryReadNumber(
        double? raw, string field, VitalDefinition vital, UnitConversion? unit, int index,
        out double value, out SampleVerdict rejection)
    {
        value = 0;
        rejection = default;
        if (raw is null)
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.MissingValue, $"{vital.Code} needs \"{field}\".");
            return false;
        }

        value = unit?.ToCanonical(raw.Value) ?? raw.Value;
        if (!vital.IsPlausible(value))
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.ImplausibleValue, Invariant(
                $"{vital.Code} {field} {value:0.##} {vital.CanonicalUnit} is outside the plausible range {vital.Min}–{vital.Max}."));
            return false;
        }

        return true;
    }

    private static bool TryReadSeries(
        EnvelopeSample wire, VitalDefinition vital, UnitConversion? unit, DateTimeOffset time, DateTimeOffset? end,
        int index, out VitalSample sample, out SampleVerdict rejection)
    {
        sample = default;
        rejection = default;
        if (wire.Values is not { Count: > 0 } values)
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.MissingValue, $"{vital.Code} needs a non-empty \"values\" array.");
            return false;
        }

        if (values.Count > vital.MaxSeriesLength)
        {
            rejection = SampleVerdict.Reject(index, RejectReasons.SeriesTooLong,
                $"{vital.Code} carries {values.Count} values; at most {vital.MaxSeriesLength} per sample.");
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<double>(values.Count);
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            var value = unit?.ToCanonical(values[i]) ?? values[i];
            if (!vital.IsPlausible(value))
            {
                rejection = SampleVerdict.Reject(index, RejectReasons.ImplausibleValue, Invariant(
                    $"{vital.Code} value {value:0.##} {vital.CanonicalUnit} at position {i} is outside the plausible range {vital.Min}–{vital.Max}."));
                return false;
            }

            builder.Add(value);
            sum += value;
        }

        // The mean stands for the series where one number is needed (latest value, aggregates).
        sample = new VitalSample(vital.Type, time, end, sum / values.Count, double.NaN, builder.MoveToImmutable());
        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
