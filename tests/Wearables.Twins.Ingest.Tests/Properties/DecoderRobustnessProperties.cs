using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Wearables.Twins.Ingest.Tests.Decoding;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>Whatever arrives, the decoder answers: a decoded envelope or an envelope problem, each with a reason.</summary>
public sealed class DecoderRobustnessProperties
{
    private static readonly Ingest.Decoding.TelemetryDecoder Decoder = Envelopes.Decoder();

    [Property(MaxTest = 300)]
    public void Arbitrary_bytes_never_throw_and_always_get_a_reason(byte[] payload)
        => DecoderInvariants.AssertWellFormed(DecoderInvariants.Decode(Decoder, payload));

    [Property(MaxTest = 300)]
    public Property Json_looking_text_never_throws_and_always_gets_a_reason()
        => Prop.ForAll(Arb.From(ArbitraryPayloads.JsonishText()), text =>
            DecoderInvariants.AssertWellFormed(DecoderInvariants.Decode(Decoder, ArbitraryPayloads.Utf8(text))));

    [Property(MaxTest = 300)]
    public Property Arbitrary_json_values_never_throw_and_always_get_a_reason()
        => Prop.ForAll(Arb.From(ArbitraryPayloads.Json()), json =>
            DecoderInvariants.AssertWellFormed(DecoderInvariants.Decode(Decoder, ArbitraryPayloads.Utf8(json?.ToJsonString() ?? "null"))));

    [Property(MaxTest = 300)]
    public Property Damaged_valid_envelopes_never_throw_and_always_get_a_reason()
        => Prop.ForAll(Arb.From(ArbitraryPayloads.DamagedEnvelope()), payload =>
            DecoderInvariants.AssertWellFormed(DecoderInvariants.Decode(Decoder, payload)));
}
