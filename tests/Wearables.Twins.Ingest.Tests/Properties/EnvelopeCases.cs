using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>Valid envelopes v1 (docs/telemetry.md) and envelopes with some samples corrupted.</summary>
internal static class EnvelopeCases
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-";

    private static readonly string[] FreeTexts = ["Acme", "Band 3", "1.2.3", "  padded  ", "Montre bébé ⌚", "Ωmega µ", "   ", new string('x', 80)];

    /// <summary>1–20 valid samples (growing with FsCheck's size), no two of them the same measurement.</summary>
    public static Arbitrary<EnvelopeCase> Valid()
        => Arb.From(ValidGen(), c => c.Shrink());

    /// <summary>A valid envelope with at least one sample corrupted in a way that has one precise reject reason.</summary>
    public static Arbitrary<EnvelopeCase> WithCorruptedSamples()
        => Arb.From(
            from envelope in ValidGen()
            from mask in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(true)), (3, Gen.Constant(false))), envelope.Samples.Count)
                .Where(m => m.Any(corrupt => corrupt))
            from samples in Gen.CollectToList(Enumerable.Range(0, envelope.Samples.Count), i => mask[i]
                ? SampleCorruptions.Corrupt(envelope.Samples[i], [.. envelope.Samples.Take(i).Where((_, j) => !mask[j])])
                : Gen.Constant(envelope.Samples[i]))
            select envelope with { Samples = samples },
            c => c.Shrink());

    public static Gen<EnvelopeCase> ValidGen()
        => from header in Header()
           from count in Gen.Sized(size => Gen.Choose(1, Math.Clamp((size / 4) + 1, 1, 20)))
           from samples in Gen.ListOf(ValidSamples.Any(header.Source), count).Where(AreDistinctMeasurements)
           from samplesFirst in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
           from indented in Gens.Bool
           from rawUtf8 in Gens.Bool
           select new EnvelopeCase(header.Json, samples, samplesFirst, indented, rawUtf8);

    public static Gen<string> Identifier()
        => Gen.Frequency((6, Gens.StringOf(IdAlphabet, 1, 24)), (1, Gens.StringOf(IdAlphabet, 100, 128)));

    private static Gen<(JsonObject Json, SourceKind Source)> Header()
        => from deviceId in Identifier()
           from messageId in Identifier()
           from schema in Gens.Bool
           from sentAt in Gens.Optional(Rfc3339Times.Between(ValidSamples.Earliest, ValidSamples.LatestInstant))
           from device in Gens.Optional(Device())
           from members in Gen.Shuffle(Members(
               ("schema", schema ? TelemetryEnvelope.SchemaV1 : null),
               ("deviceId", deviceId),
               ("messageId", messageId),
               ("sentAt", sentAt?.Text),
               ("device", device?.Json)))
           select (new JsonObject(members), device?.Source ?? SourceKind.Unknown);

    private static Gen<DeviceCase> Device()
        => from vendor in Gens.Optional(Gen.Elements(FreeTexts))
           from model in Gens.Optional(Gen.Elements(FreeTexts))
           from firmware in Gens.Optional(Gen.Elements(FreeTexts))
           from battery in Gen.Frequency((2, Gen.Constant<JsonNode?>(null)), (2, Gen.Choose(0, 100).Select(b => (JsonNode?)b)), (1, Gen.Elements<JsonNode?>(-1, 101, 55.5, 1e9)))
           from kind in Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Gen.Elements(SourceKinds.All.ToArray()).Select(k => (string?)k)))
           from kindText in kind is null ? Gen.Constant<string?>(null) : Gens.MaybeRandomCase(kind).Select(k => (string?)k)
           select new DeviceCase(
               new JsonObject(Members(("vendor", vendor), ("model", model), ("firmware", firmware), ("battery", battery), ("kind", kindText))),
               SourceKinds.TryParse(kind, out var source) ? source : SourceKind.Unknown);

    private static KeyValuePair<string, JsonNode?>[] Members(params (string Key, object? Value)[] members)
        => [.. members.Where(m => m.Value is not null).Select(m => new KeyValuePair<string, JsonNode?>(m.Key, m.Value switch
        {
            JsonNode node => node,
            string text => JsonValue.Create(text),
            _ => throw new ArgumentException($"Unexpected member value {m.Value!.GetType()}.", nameof(members)),
        }))];

    /// <summary>Two samples of the same vital, instant, end and source are one measurement: a valid envelope has none.</summary>
    private static bool AreDistinctMeasurements(List<SampleCase> samples)
        => samples.Select(s => s.Expected!.Value)
            .Select(s => (s.Type, s.Time.UtcTicks, End: s.End?.UtcTicks, s.Source))
            .Distinct()
            .Count() == samples.Count;

    private sealed record DeviceCase(JsonObject Json, SourceKind Source);
}
