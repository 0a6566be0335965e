using System.Text.Json;
using System.Text.Json.Serialization;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Model;

/// <summary>A vital type on the wire is its catalogue code ("heart_rate"), as in the telemetry envelope.</summary>
public sealed class VitalTypeJsonConverter : JsonConverter<VitalType>
{
    public override VitalType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.GetString() is { } code && VitalCatalog.TryGet(code, out var definition)
            ? definition.Type
            : throw new JsonException($"'{reader.GetString()}' is not a vital code of the catalogue.");

    public override void Write(Utf8JsonWriter writer, VitalType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }
}
