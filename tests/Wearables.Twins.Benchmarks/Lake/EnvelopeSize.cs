using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Benchmarks.Lake;

/// <summary>
/// Size of the same samples as telemetry envelopes (docs/telemetry.md): the header (schema, device, message id, sentAt,
/// device info) once per message, each sample as its JSON object with unit.
/// </summary>
internal static class EnvelopeSize
{
    public static long Bytes(IReadOnlyList<VitalSample> samples, int samplesPerMessage)
    {
        long total = 0;
        var buffer = new ArrayBufferWriter<byte>();
        for (var start = 0; start < samples.Count; start += samplesPerMessage)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("schema", "wearables.telemetry/v1");
                json.WriteString("deviceId", "watch-0042");
                json.WriteString("messageId", $"watch-0042-{start:D6}");
                json.WriteString("sentAt", Rfc3339(samples[start].Time));
                json.WriteStartObject("device");
                json.WriteString("vendor", "Acme");
                json.WriteString("model", "Band 3");
                json.WriteString("firmware", "1.2.3");
                json.WriteNumber("battery", 81);
                json.WriteEndObject();
                json.WriteStartArray("samples");
                for (var i = start; i < Math.Min(samples.Count, start + samplesPerMessage); i++)
                {
                    WriteSample(json, samples[i]);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            total += buffer.WrittenCount;
        }

        return total;
    }

    private static void WriteSample(Utf8JsonWriter json, VitalSample sample)
    {
        var vital = sample.Type.Definition;
        json.WriteStartObject();
        json.WriteString("type", vital.Code);
        json.WriteString("time", Rfc3339(sample.Time));
        if (sample.End is { } end)
        {
            json.WriteString("end", Rfc3339(end));
        }

        switch (vital.Shape)
        {
            case VitalShape.BloodPressure:
                json.WriteNumber("systolic", sample.Value);
                json.WriteNumber("diastolic", sample.Value2);
                break;
            case VitalShape.Series:
                json.WriteStartArray("values");
                foreach (var value in sample.Series)
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
                break;
            case VitalShape.CategoryInterval:
                json.WriteString("stage", vital.Categories[(int)sample.Value]);
                break;
            default:
                json.WriteNumber("value", sample.Value);
                break;
        }

        if (vital.CanonicalUnit is { } unit)
        {
            json.WriteString("unit", unit);
        }

        json.WriteEndObject();
    }

    private static string Rfc3339(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
