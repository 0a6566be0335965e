using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>Valid samples of every vital, with random times, offsets, units and optional fields, are never lost.</summary>
public sealed class ValidEnvelopeProperties
{
    [Property(MaxTest = 300)]
    public Property Every_sample_of_a_valid_envelope_is_accepted_in_canonical_form()
        => Prop.ForAll(EnvelopeCases.Valid(), envelope =>
            CaseAssertions.AssertDecodedAsExpected(envelope, DecoderInvariants.Decode(DecoderInvariants.GeneratedCaseDecoder, envelope.ToUtf8())));

    /// <summary>Imports and FHIR hand the decoder a typed envelope: it must be judged exactly like its JSON.</summary>
    [Property(MaxTest = 150)]
    public Property A_typed_envelope_decodes_like_its_json()
        => Prop.ForAll(EnvelopeCases.Valid(), envelope =>
        {
            var json = envelope.ToUtf8();
            var typed = JsonSerializer.Deserialize(json, TelemetryJsonContext.Default.TelemetryEnvelope)!;

            DecoderInvariants.AssertSameDecoding(
                DecoderInvariants.Decode(DecoderInvariants.GeneratedCaseDecoder, json),
                DecoderInvariants.GeneratedCaseDecoder.Decode(typed));
        });
}
