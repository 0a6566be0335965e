using System.Runtime.CompilerServices;
using System.Text.Json;
using Wearables.Twins.Import.Vendors.Common;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Vendors.Huawei;

/// <summary>
/// Reads Health Kit sample points exported as JSON. Every array named <c>samplePoints</c>, at any depth (the REST
/// API nests them in <c>group[].sampleSet[]</c>), or a root array of sample points, is streamed element by element.
/// A sample point names its data type by the SDK constant (<c>DT_INSTANTANEOUS_HEART_RATE</c>) or by the type's
/// name (<c>com.huawei.instantaneous.heart_rate</c>), has <c>startTime</c>/<c>endTime</c> as Unix milliseconds, and
/// carries its numbers in <c>fieldValues</c> (<c>{"bpm": 72}</c>) or in the REST form
/// <c>value: [{"fieldName": "bpm", "floatValue": 72}]</c>.
/// </summary>
internal static class HealthKitJsonParser
{
    private enum Kind
    {
        HeartRate,
        RestingHeartRate,
        Steps,
        Distance,
        OxygenSaturation,
        BodyTemperature,
        BloodPressure,
        Sleep,
    }

    private static readonly Dictionary<string, Kind> DataTypes = new(StringComparer.Ordinal)
    {
        ["DT_INSTANTANEOUS_HEART_RATE"] = Kind.HeartRate,
        ["com.huawei.instantaneous.heart_rate"] = Kind.HeartRate,
        ["DT_INSTANTANEOUS_RESTING_HEART_RATE"] = Kind.RestingHeartRate,
        ["com.huawei.instantaneous.resting_heart_rate"] = Kind.RestingHeartRate,
        ["DT_CONTINUOUS_STEPS_DELTA"] = Kind.Steps,
        ["com.huawei.continuous.steps.delta"] = Kind.Steps,
        ["DT_CONTINUOUS_DISTANCE_DELTA"] = Kind.Distance,
        ["com.huawei.continuous.distance.delta"] = Kind.Distance,
        ["DT_INSTANTANEOUS_SPO2"] = Kind.OxygenSaturation,
        ["com.huawei.instantaneous.spo2"] = Kind.OxygenSaturation,
        ["DT_INSTANTANEOUS_BODY_TEMPERATURE"] = Kind.BodyTemperature,
        ["com.huawei.instantaneous.body.temperature"] = Kind.BodyTemperature,
        ["DT_INSTANTANEOUS_BLOOD_PRESSURE"] = Kind.BloodPressure,
        ["com.huawei.instantaneous.blood_pressure"] = Kind.BloodPressure,
        ["DT_CONTINUOUS_SLEEP"] = Kind.Sleep,
        ["com.huawei.continuous.sleep.fragment"] = Kind.Sleep,
    };

    public static bool Recognises(ReadOnlySpan<byte> head)
    {
        if (FileHead.FirstSignificant(head) is not ('{' or '['))
        {
            return false;
        }

        var text = FileHead.Text(head);
        return (text.Contains("\"samplePoints\"", StringComparison.Ordinal) || text.Contains("\"dataType", StringComparison.Ordinal))
            && (text.Contains("\"DT_", StringComparison.Ordinal) || text.Contains("\"com.huawei.", StringComparison.Ordinal));
    }

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream stream, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = JsonItemReader.ReadAsync(
            stream, name => name is null or "samplePoints", rootValuesAreItems: false, JsonItemReader.DefaultMaxItemBytes, cancellationToken);
        await foreach (var item in items)
        {
            if (item.Error is { } error)
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{item.Location}: {error}");
                yield break;
            }

            var where = $"sample point {item.Index + 1} (byte {item.ByteOffset})";
            yield return JsonText.IsReadable(item.Element)
                ? Read(item.Element, where, context.LocalTimeZone)
                : ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: {JsonText.Problem}.");
        }
    }

    private static ImportRecord Read(JsonElement point, string where, TimeZoneInfo zone)
    {
        if (point.ValueKind != JsonValueKind.Object)
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: a sample point is a JSON object, not {point.ValueKind}.");
        }

        var type = Text(point, "dataType") ?? Text(point, "dataTypeName");
        if (type is null)
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: no \"dataType\".");
        }

        if (!DataTypes.TryGetValue(type, out var kind))
        {
            return ImportRecord.Rejected(ImportReasons.UnsupportedRecordType, $"{where}: data type {type} has no vital in the catalogue.");
        }

        if (!TryTime(point, "startTime", out var start))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: no readable \"startTime\" (Unix milliseconds).");
        }

        DateTimeOffset? end = TryTime(point, "endTime", out var endTime) && endTime > start ? endTime : null;
        var fields = Fields(point);
        start = Times.InZone(start, zone);
        end = end is { } e ? Times.InZone(e, zone) : null;

        if (kind == Kind.Sleep)
        {
            return SleepSample(fields, start, end) is { } sleep
                ? Samples.Emit(sleep, where)
                : ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: {SleepProblem(fields, end)}");
        }

        EnvelopeSample? sample = kind switch
        {
            Kind.HeartRate => Field(fields, "bpm") is { } bpm ? Samples.Scalar(VitalCatalog.HeartRate, start, bpm, "/min") : null,
            Kind.RestingHeartRate => Field(fields, "bpm") is { } rest ? Samples.Scalar(VitalCatalog.RestingHeartRate, start, rest, "/min") : null,
            Kind.Steps => Field(fields, "steps_delta") is { } steps ? Samples.Quantity(VitalCatalog.Steps, start, end, steps, "{steps}") : null,
            Kind.Distance => Field(fields, "distance_delta") is { } metres ? Samples.Quantity(VitalCatalog.Distance, start, end, metres, "m") : null,
            Kind.OxygenSaturation => Field(fields, "saturation") is { } spo2 ? Samples.Scalar(VitalCatalog.OxygenSaturation, start, spo2, "%") : null,
            Kind.BodyTemperature => Field(fields, "temperature") is { } celsius ? Samples.Scalar(VitalCatalog.BodyTemperature, start, celsius, "Cel") : null,
            Kind.BloodPressure => Field(fields, "systolic_pressure") is { } systolic && Field(fields, "diastolic_pressure") is { } diastolic
                ? Samples.BloodPressure(start, systolic, diastolic, "mmHg")
                : null,
            _ => null,
        };

        return sample is null
            ? ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: {type} has no readable field value.")
            : Samples.Emit(sample, where);
    }

    /// <summary>Health Kit's sleep_state: 1 light, 2 REM, 3 deep, 4 awake, 5 nap (asleep, stage not told).</summary>
    private static EnvelopeSample? SleepSample(Dictionary<string, double> fields, DateTimeOffset start, DateTimeOffset? end)
    {
        if (end is not { } until || Field(fields, "sleep_state") is not { } state)
        {
            return null;
        }

        var stage = state switch
        {
            1 => "light",
            2 => "rem",
            3 => "deep",
            4 => "awake",
            5 => "asleep",
            _ => null,
        };
        return stage is null ? null : Samples.SleepStage(start, until, stage);
    }

    private static string SleepProblem(Dictionary<string, double> fields, DateTimeOffset? end)
        => end is null
            ? "a sleep fragment needs an \"endTime\" after its \"startTime\"."
            : Field(fields, "sleep_state") is { } state
                ? $"sleep_state {Numbers.Format(state)} is not one of 1 (light), 2 (REM), 3 (deep), 4 (awake), 5 (nap)."
                : "no sleep_state field.";

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryTime(JsonElement element, string name, out DateTimeOffset time)
    {
        time = default;
        if (!element.TryGetProperty(name, out var value))
        {
            return false;
        }

        double stamp;
        if (value.ValueKind == JsonValueKind.Number)
        {
            stamp = value.GetDouble();
        }
        else if (value.ValueKind != JsonValueKind.String || !Numbers.TryParse(value.GetString(), out stamp))
        {
            return false;
        }

        return Times.TryFromUnix(stamp, out time);
    }

    /// <summary>The sample point's numbers by field name, from either <c>fieldValues</c> or the REST <c>value</c> array.</summary>
    private static Dictionary<string, double> Fields(JsonElement point)
    {
        var fields = new Dictionary<string, double>(StringComparer.Ordinal);
        if (point.TryGetProperty("fieldValues", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                if (Number(property.Value) is { } number)
                {
                    fields[property.Name] = number;
                }
            }
        }

        if (point.TryGetProperty("value", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in list.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || Text(entry, "fieldName") is not { } name)
                {
                    continue;
                }

                foreach (var key in (ReadOnlySpan<string>)["integerValue", "floatValue", "longValue", "doubleValue", "value"])
                {
                    if (entry.TryGetProperty(key, out var raw) && Number(raw) is { } number)
                    {
                        fields[name] = number;
                        break;
                    }
                }
            }
        }

        return fields;
    }

    private static double? Field(Dictionary<string, double> fields, string name) => fields.TryGetValue(name, out var value) ? value : null;

    private static double? Number(JsonElement value)
        => value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when Numbers.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
}
