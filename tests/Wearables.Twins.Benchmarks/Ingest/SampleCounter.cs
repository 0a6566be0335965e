using System.Buffers;
using System.Text.Json;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>Counts the elements of an envelope's top-level <c>samples</c> array in one forward pass, without materialising anything.</summary>
internal static class SampleCounter
{
    public static int Count(ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { AllowTrailingCommas = false });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return 0;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSamples = reader.ValueTextEquals("samples"u8);
                reader.Read();
                if (!isSamples || reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    count++;
                    reader.Skip();
                }

                return count;
            }
        }
        catch (JsonException)
        {
            // Not an envelope: no samples.
        }

        return 0;
    }
}
