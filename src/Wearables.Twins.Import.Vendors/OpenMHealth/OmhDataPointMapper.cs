using System.Text.Json;
using Wearables.Twins.Import.Vendors.Common;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Vendors.OpenMHealth;

/// <summary>
/// Turns one Open mHealth data point (<c>header.schema_id</c> + <c>body</c>) into wire samples. The body is checked
/// against the parts of its schema this mapping reads — the measure's value and unit, the closed lists of the
/// fields it looks at, the time frame — so a document the schema refuses is not imported; what is read is checked
/// in this order: measure and unit, closed lists, <c>descriptive_statistic</c>, time frame, plausible value.
/// </summary>
internal static class OmhDataPointMapper
{
    private static readonly HashSet<string> ActivityRelations = new(StringComparer.Ordinal)
    {
        "at rest", "active", "before exercise", "after exercise", "during exercise",
    };

    /// <summary>Open mHealth duration units, in minutes; months and years are refused (their length varies).</summary>
    private static readonly Dictionary<string, double> DurationMinutes = new(StringComparer.Ordinal)
    {
        ["ps"] = 1e-12 / 60,
        ["ns"] = 1e-9 / 60,
        ["us"] = 1e-6 / 60,
        ["ms"] = 1e-3 / 60,
        ["sec"] = 1.0 / 60,
        ["min"] = 1,
        ["h"] = 60,
        ["d"] = 1440,
        ["wk"] = 10080,
    };

    /// <summary>A sleep total is placed as "asleep" only when it fills its interval to within this much.</summary>
    private static readonly TimeSpan SleepTotalTolerance = TimeSpan.FromMinutes(1);

    public static IEnumerable<ImportRecord> Map(JsonElement point, string where)
    {
        if (point.ValueKind != JsonValueKind.Object)
        {
            return [Reject(ImportReasons.UnreadableRecord, where, $"a data point is a JSON object, not {point.ValueKind}.")];
        }

        if (!point.TryGetProperty("header", out var header) || header.ValueKind != JsonValueKind.Object)
        {
            return [Reject(ImportReasons.UnreadableRecord, where, "no \"header\".")];
        }

        var schema = SchemaName(header);
        if (schema is null)
        {
            return [Reject(ImportReasons.UnreadableRecord, where, "no \"header.schema_id.name\".")];
        }

        var source = header.TryGetProperty("acquisition_provenance", out var provenance) && provenance.ValueKind == JsonValueKind.Object
            ? Text(provenance, "source_name")
            : null;
        if (!point.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            return [Reject(ImportReasons.UnreadableRecord, where, "no \"body\" object.", source)];
        }

        var outcome = schema switch
        {
            "heart-rate" => HeartRate(body),
            "blood-pressure" => BloodPressure(body),
            "body-temperature" => BodyTemperature(body),
            "oxygen-saturation" => OxygenSaturation(body),
            "respiratory-rate" => Scalar(body, "respiratory_rate", VitalCatalog.RespiratoryRate),
            "rr-interval" => RrInterval(body),
            "step-count" => StepCount(body),
            "sleep-episode" => SleepEpisode(body),
            "sleep-duration" => SleepTotal(body, "sleep_duration"),
            "total-sleep-time" => SleepTotal(body, "total_sleep_time"),
            "physical-activity" => PhysicalActivity(body),
            "calories-burned" => Energy(body),
            "body-weight" => Scalar(body, "body_weight", VitalCatalog.BodyWeight),
            _ => Outcome.Fail(ImportReasons.UnsupportedRecordType, $"schema {schema} has no vital in the catalogue."),
        };

        return outcome.Problem is { } problem
            ? [Reject(problem.Reason, where, problem.Detail, source)]
            : outcome.Samples!.Select(s => Samples.Emit(s, where, source));
    }

    private static Outcome HeartRate(JsonElement body)
    {
        if (Measure(body, "heart_rate", VitalCatalog.HeartRate) is not { } measure)
        {
            return MeasureProblem(body, "heart_rate", VitalCatalog.HeartRate);
        }

        if (ActivityRelation(body) is { } invalid)
        {
            return invalid;
        }

        // At rest / active says which heart rate the twin keeps it as; before or after exercise says neither.
        var context = Text(body, "temporal_relationship_to_physical_activity") switch
        {
            "at rest" => "resting",
            "active" or "during exercise" => "active",
            _ => null,
        };
        return WhenMeasured(body, frame => [Samples.Scalar(VitalCatalog.HeartRate, frame.Start, measure.Value, measure.Unit, context)]);
    }

    private static Outcome BloodPressure(JsonElement body)
    {
        if (Measure(body, "systolic_blood_pressure", VitalCatalog.BloodPressure) is not { } systolic)
        {
            return MeasureProblem(body, "systolic_blood_pressure", VitalCatalog.BloodPressure);
        }

        if (Measure(body, "diastolic_blood_pressure", VitalCatalog.BloodPressure) is not { } diastolic)
        {
            return MeasureProblem(body, "diastolic_blood_pressure", VitalCatalog.BloodPressure);
        }

        if (!string.Equals(systolic.Unit, diastolic.Unit, StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.Fail(ImportReasons.UnsupportedUnit, $"systolic in {systolic.Unit} but diastolic in {diastolic.Unit}.");
        }

        if (ActivityRelation(body) is { } invalid)
        {
            return invalid;
        }

        return WhenMeasured(body, frame => [Samples.BloodPressure(frame.Start, systolic.Value, diastolic.Value, systolic.Unit)]);
    }

    /// <summary>Open mHealth writes temperature units as C, F or K.</summary>
    private static Outcome BodyTemperature(JsonElement body)
    {
        if (!TryRawMeasure(body, "body_temperature", out var value, out var unit, out var problem))
        {
            return problem;
        }

        (double Value, string Unit)? celsiusOrFahrenheit = unit switch
        {
            "C" => (value, "Cel"),
            "F" => (value, "[degF]"),
            "K" => (value - 273.15, "Cel"),
            _ => null,
        };
        if (celsiusOrFahrenheit is not { } reading)
        {
            return Outcome.Fail(ImportReasons.UnsupportedUnit, $"body_temperature unit '{unit}' is not one of C, F, K.");
        }

        return WhenMeasured(body, frame => [Samples.Scalar(VitalCatalog.BodyTemperature, frame.Start, reading.Value, reading.Unit)]);
    }

    private static Outcome OxygenSaturation(JsonElement body)
    {
        if (Measure(body, "oxygen_saturation", VitalCatalog.OxygenSaturation) is not { } measure)
        {
            return MeasureProblem(body, "oxygen_saturation", VitalCatalog.OxygenSaturation);
        }

        // Supplemental oxygen is not imported, but a flow in a unit the schema does not allow marks an invalid document.
        if (body.TryGetProperty("supplemental_oxygen_flow_rate", out var flow)
            && (flow.ValueKind != JsonValueKind.Object || Text(flow, "unit") != "L/min"))
        {
            return Outcome.Fail(ImportReasons.UnsupportedUnit, "supplemental_oxygen_flow_rate must be in L/min.");
        }

        return WhenMeasured(body, frame => [Samples.Scalar(VitalCatalog.OxygenSaturation, frame.Start, measure.Value, measure.Unit)]);
    }

    private static Outcome Scalar(JsonElement body, string property, VitalDefinition vital)
    {
        if (Measure(body, property, vital, MetricUnits) is not { } measure)
        {
            return MeasureProblem(body, property, vital);
        }

        if (ActivityRelation(body) is { } invalid)
        {
            return invalid;
        }

        return WhenMeasured(body, frame => [Samples.Scalar(vital, frame.Start, measure.Value, measure.Unit)]);
    }

    private static Outcome RrInterval(JsonElement body)
    {
        if (Measure(body, "rr_interval", VitalCatalog.RrIntervals, MetricUnits) is not { } measure)
        {
            return MeasureProblem(body, "rr_interval", VitalCatalog.RrIntervals);
        }

        if (ActivityRelation(body) is { } invalid)
        {
            return invalid;
        }

        return WhenMeasured(body, frame => [Samples.Series(VitalCatalog.RrIntervals, frame.Start, [measure.Value], measure.Unit)]);
    }

    /// <summary>step-count 2.0+ has <c>{"value", "unit": "steps"}</c>; 1.0 had a bare number.</summary>
    private static Outcome StepCount(JsonElement body)
    {
        (double Value, string Unit)? measure = body.TryGetProperty("step_count", out var bare) && bare.ValueKind == JsonValueKind.Number
            ? (bare.GetDouble(), "steps")
            : Measure(body, "step_count", VitalCatalog.Steps);
        if (measure is not { } steps)
        {
            return MeasureProblem(body, "step_count", VitalCatalog.Steps);
        }

        return WhenMeasured(body, frame => frame.End is { } end
            ? [Samples.Quantity(VitalCatalog.Steps, frame.Start, end, steps.Value, steps.Unit)]
            : null, "a step count needs a time_interval (steps are counted over a period).");
    }

    /// <summary>The episode's interval runs from going to bed to getting up: the twin's <c>in_bed</c> stage.</summary>
    private static Outcome SleepEpisode(JsonElement body)
        => WhenMeasured(body, frame => frame.End is { } end ? [Samples.SleepStage(frame.Start, end, "in_bed")] : null,
            "a sleep episode needs a time_interval.");

    /// <summary>
    /// A total of sleep within an interval. It becomes an <c>asleep</c> stage only when it fills the interval; a
    /// total smaller than its interval does not say when the sleep happened, and the twin keeps stages in time.
    /// </summary>
    private static Outcome SleepTotal(JsonElement body, string property)
    {
        if (!TryRawMeasure(body, property, out var value, out var unit, out var problem))
        {
            return problem;
        }

        if (!DurationMinutes.TryGetValue(unit, out var minutesPerUnit))
        {
            return Outcome.Fail(ImportReasons.UnsupportedUnit, $"{property} unit '{unit}' is not a duration unit of Open mHealth (sec, min, h, d, …).");
        }

        var total = TimeSpan.FromMinutes(value * minutesPerUnit);
        return WhenMeasured(body, frame =>
        {
            if (frame.End is not { } end)
            {
                return null;
            }

            var span = end - frame.Start;
            return (span - total).Duration() <= SleepTotalTolerance ? [Samples.SleepStage(frame.Start, end, "asleep")] : [];
        }, $"{property} needs a time_interval.", empty: (ImportReasons.UnsupportedRecordType,
            $"a sleep total of {Numbers.Format(value)} {unit} within a longer interval does not say when the person slept; the twin keeps sleep stages in time."));
    }

    private static Outcome PhysicalActivity(JsonElement body)
    {
        var hasDistance = body.TryGetProperty("distance", out _);
        var hasEnergy = body.TryGetProperty("kcal_burned", out _);
        if (!hasDistance && !hasEnergy)
        {
            return Outcome.Fail(ImportReasons.UnsupportedRecordType, "a physical activity without distance or kcal_burned has no vital in the catalogue.");
        }

        (double Value, string Unit)? distance = null;
        if (hasDistance && (distance = Length(body)) is null)
        {
            return MeasureProblem(body, "distance", VitalCatalog.Distance);
        }

        (double Value, string Unit)? energy = null;
        if (hasEnergy && (energy = Measure(body, "kcal_burned", VitalCatalog.ActiveEnergy)) is null)
        {
            return MeasureProblem(body, "kcal_burned", VitalCatalog.ActiveEnergy);
        }

        return WhenMeasured(body, frame =>
        {
            var samples = new List<EnvelopeSample>(2);
            if (distance is { } d)
            {
                samples.Add(Samples.Quantity(VitalCatalog.Distance, frame.Start, frame.End, d.Value, d.Unit));
            }

            if (energy is { } e)
            {
                samples.Add(Samples.Quantity(VitalCatalog.ActiveEnergy, frame.Start, frame.End, e.Value, e.Unit));
            }

            return [.. samples];
        });
    }

    private static Outcome Energy(JsonElement body)
    {
        if (Measure(body, "kcal_burned", VitalCatalog.ActiveEnergy) is not { } energy)
        {
            return MeasureProblem(body, "kcal_burned", VitalCatalog.ActiveEnergy);
        }

        return WhenMeasured(body, frame => [Samples.Quantity(VitalCatalog.ActiveEnergy, frame.Start, frame.End, energy.Value, energy.Unit)]);
    }

    /// <summary>Applies the checks every measure shares after its own: statistic, then time frame, then the build.</summary>
    private static Outcome WhenMeasured(
        JsonElement body, Func<TimeFrame, EnvelopeSample[]?> build, string? needsInterval = null,
        (string Reason, string Detail)? empty = null)
    {
        if (Text(body, "descriptive_statistic") is { } statistic)
        {
            return Outcome.Fail(VendorImportReasons.SummaryStatistic,
                $"descriptive_statistic '{statistic}' makes the value a summary over a period, not a measurement.");
        }

        if (!TryTimeFrame(body, out var frame, out var problem))
        {
            return Outcome.Fail(ImportReasons.UnreadableRecord, problem);
        }

        var samples = build(frame);
        if (samples is null)
        {
            return Outcome.Fail(ImportReasons.UnreadableRecord, needsInterval ?? "the time frame does not fit this measure.");
        }

        return samples.Length == 0 && empty is { } nothing ? Outcome.Fail(nothing.Reason, nothing.Detail) : Outcome.Of(samples);
    }

    private static bool TryTimeFrame(JsonElement body, out TimeFrame frame, out string problem)
    {
        frame = default;
        problem = string.Empty;
        if (!body.TryGetProperty("effective_time_frame", out var timeFrame) || timeFrame.ValueKind != JsonValueKind.Object)
        {
            problem = "no effective_time_frame.";
            return false;
        }

        if (timeFrame.TryGetProperty("date_time", out var dateTime))
        {
            if (!Times.TryParseWithOffset(dateTime.ValueKind == JsonValueKind.String ? dateTime.GetString() : null, out var instant))
            {
                problem = "effective_time_frame.date_time is not an RFC 3339 time with an offset.";
                return false;
            }

            frame = new TimeFrame(instant, null);
            return true;
        }

        if (!timeFrame.TryGetProperty("time_interval", out var interval) || interval.ValueKind != JsonValueKind.Object)
        {
            problem = "effective_time_frame has neither date_time nor time_interval.";
            return false;
        }

        var hasStart = TryInstant(interval, "start_date_time", out var start, out var badStart);
        var hasEnd = TryInstant(interval, "end_date_time", out var end, out var badEnd);
        var hasDuration = TryDuration(interval, out var duration, out var badDuration);
        if (badStart || badEnd || badDuration)
        {
            problem = "time_interval has an unreadable start_date_time, end_date_time or duration.";
            return false;
        }

        (DateTimeOffset, DateTimeOffset)? bounds = (hasStart, hasEnd, hasDuration) switch
        {
            (true, true, _) => (start, end),
            (true, false, true) => (start, start + duration),
            (false, true, true) => (end - duration, end),
            _ => null,
        };
        if (bounds is not var (from, to))
        {
            problem = interval.TryGetProperty("date", out _)
                ? "time_interval gives a date and a part of the day, not times."
                : "time_interval needs two of start_date_time, end_date_time and duration.";
            return false;
        }

        if (to <= from)
        {
            problem = "time_interval ends before it starts.";
            return false;
        }

        frame = new TimeFrame(from, to);
        return true;
    }

    private static bool TryInstant(JsonElement interval, string property, out DateTimeOffset instant, out bool unreadable)
    {
        instant = default;
        unreadable = false;
        if (!interval.TryGetProperty(property, out var value))
        {
            return false;
        }

        unreadable = value.ValueKind != JsonValueKind.String || !Times.TryParseWithOffset(value.GetString(), out instant);
        return !unreadable;
    }

    private static bool TryDuration(JsonElement interval, out TimeSpan duration, out bool unreadable)
    {
        duration = default;
        unreadable = false;
        if (!interval.TryGetProperty("duration", out var value))
        {
            return false;
        }

        if (!TryRawMeasureOf(value, out var amount, out var unit) || !DurationMinutes.TryGetValue(unit, out var minutes))
        {
            unreadable = true;
            return false;
        }

        duration = TimeSpan.FromMinutes(amount * minutes);
        return true;
    }

    private static Outcome? ActivityRelation(JsonElement body)
        => Text(body, "temporal_relationship_to_physical_activity") is { } relation && !ActivityRelations.Contains(relation)
            ? Outcome.Fail(ImportReasons.UnreadableRecord,
                $"temporal_relationship_to_physical_activity '{relation}' is not one of: {string.Join(", ", ActivityRelations)}.")
            : null;

    /// <summary>Units some schemas write differently from the catalogue's aliases.</summary>
    private static string MetricUnits(string unit) => unit switch
    {
        "sec" => "s",
        _ => unit,
    };

    /// <summary>A length in a unit the catalogue has, converting the Open mHealth units it has not.</summary>
    private static (double Value, string Unit)? Length(JsonElement body)
    {
        if (!TryRawMeasure(body, "distance", out var value, out var unit, out _))
        {
            return null;
        }

        (double Value, string Unit)? converted = unit switch
        {
            "mm" => (value / 1000, "m"),
            "cm" => (value / 100, "m"),
            "in" => (value * 0.0254, "m"),
            "yd" => (value * 0.9144, "m"),
            _ => (value, unit),
        };
        return converted is { } c && VitalCatalog.Distance.TryGetUnit(c.Unit, out _) ? c : null;
    }

    /// <summary>The measure's number and its unit as the catalogue knows it, or null when either is not usable.</summary>
    private static (double Value, string Unit)? Measure(JsonElement body, string property, VitalDefinition vital, Func<string, string>? units = null)
    {
        if (!TryRawMeasure(body, property, out var value, out var unit, out _))
        {
            return null;
        }

        var mapped = units?.Invoke(unit) ?? unit;
        return vital.TryGetUnit(mapped, out _) ? (value, mapped) : null;
    }

    /// <summary>Why <see cref="Measure"/> gave nothing: a missing measure, a value that is not a number, or a unit.</summary>
    private static Outcome MeasureProblem(JsonElement body, string property, VitalDefinition vital)
    {
        if (!TryRawMeasure(body, property, out _, out var unit, out var problem))
        {
            return problem;
        }

        return Outcome.Fail(ImportReasons.UnsupportedUnit,
            $"{property} unit '{unit}' is not a unit of {vital.Code} ({string.Join(", ", vital.AcceptedUnits.Select(u => u.Unit))}).");
    }

    private static bool TryRawMeasure(JsonElement body, string property, out double value, out string unit, out Outcome problem)
    {
        value = 0;
        unit = string.Empty;
        problem = default;
        if (!body.TryGetProperty(property, out var measure))
        {
            problem = Outcome.Fail(ImportReasons.UnreadableRecord, $"no {property}.");
            return false;
        }

        if (measure.ValueKind != JsonValueKind.Object || !measure.TryGetProperty("value", out var number) || !measure.TryGetProperty("unit", out _))
        {
            problem = Outcome.Fail(ImportReasons.UnreadableRecord, $"{property} needs \"value\" and \"unit\".");
            return false;
        }

        if (Text(measure, "unit") is not { } text)
        {
            problem = Outcome.Fail(ImportReasons.UnreadableRecord, $"{property}.unit is not a string.");
            return false;
        }

        unit = text;
        if (number.ValueKind != JsonValueKind.Number)
        {
            problem = Outcome.Fail(ImportReasons.UnreadableRecord, $"{property}.value is a JSON {number.ValueKind}, not a number.");
            return false;
        }

        value = number.GetDouble();
        return true;
    }

    private static bool TryRawMeasureOf(JsonElement measure, out double value, out string unit)
    {
        value = 0;
        unit = string.Empty;
        if (measure.ValueKind != JsonValueKind.Object || !measure.TryGetProperty("value", out var number)
            || number.ValueKind != JsonValueKind.Number || Text(measure, "unit") is not { } text)
        {
            return false;
        }

        value = number.GetDouble();
        unit = text;
        return true;
    }

    /// <summary>The schema's name from <c>schema_id</c> as an object (<c>{"namespace": "omh", "name": "heart-rate"}</c>) or a string (<c>omh:heart-rate:2.0</c>).</summary>
    private static string? SchemaName(JsonElement header)
    {
        if (!header.TryGetProperty("schema_id", out var id))
        {
            return null;
        }

        if (id.ValueKind == JsonValueKind.Object)
        {
            return Text(id, "name");
        }

        if (id.ValueKind == JsonValueKind.String && id.GetString() is { } text)
        {
            var parts = text.Split(':');
            return parts.Length >= 2 ? parts[1] : null;
        }

        return null;
    }

    private static string? Text(JsonElement element, string property)
        => element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImportRecord Reject(string reason, string where, string detail, string? source = null)
        => ImportRecord.Rejected(reason, $"{where}: {detail}", source);

    private readonly record struct TimeFrame(DateTimeOffset Start, DateTimeOffset? End);

    private readonly record struct Outcome(EnvelopeSample[]? Samples, (string Reason, string Detail)? Problem)
    {
        public static Outcome Of(EnvelopeSample[] samples) => new(samples, null);

        public static Outcome Fail(string reason, string detail) => new(null, (reason, detail));
    }
}
