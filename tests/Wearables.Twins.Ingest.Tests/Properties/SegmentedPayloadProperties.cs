using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Wearables.Twins.Ingest.Tests.Decoding;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>
/// MQTT and HTTP hand the decoder a <see cref="ReadOnlySequence{T}"/> of whatever segments the transport produced:
/// splitting a payload anywhere (inside a number, a multi-byte character, an escape) must not change the outcome.
/// </summary>
public sealed class SegmentedPayloadProperties
{
    private static readonly Ingest.Decoding.TelemetryDecoder Decoder = Envelopes.Decoder();

    [Property(MaxTest = 200)]
    public Property A_payload_split_at_random_points_decodes_like_one_buffer()
        => Prop.ForAll(Arb.From(SplitPayloads()), split =>
        {
            var whole = Decoder.Decode(new ReadOnlySequence<byte>(split.Payload));
            var sequence = split.ToSequence();

            var pieces = Decoder.Decode(sequence);

            Assert.Equal(split.Payload.Length, sequence.Length);
            DecoderInvariants.AssertSameDecoding(whole, pieces);
        });

    private static Gen<SplitPayload> SplitPayloads()
        => from payload in Gen.Frequency(
               (4, EnvelopeCases.ValidGen().Select(e => e.ToUtf8())),
               (2, EnvelopeCases.WithCorruptedSamples().Generator.Select(e => e.ToUtf8())),
               (2, ArbitraryPayloads.DamagedEnvelope()),
               (1, ArbitraryPayloads.Json().Select(j => ArbitraryPayloads.Utf8(j?.ToJsonString() ?? "null"))))
           from cuts in Gen.ListOf(Gen.Choose(0, payload.Length), Math.Min(payload.Length + 1, 12)).SelectMany(all =>
               Gen.Choose(1, all.Count).Select(n => all.Take(n).Order().ToArray()))
           select new SplitPayload(payload, cuts);

    /// <summary>A payload and where to cut it; repeated cut points make empty segments, which transports do produce.</summary>
    internal sealed record SplitPayload(byte[] Payload, int[] Cuts)
    {
        public ReadOnlySequence<byte> ToSequence()
        {
            var bounds = Cuts.Prepend(0).Append(Payload.Length).ToArray();
            var first = new Segment(Payload.AsMemory(bounds[0], bounds[1] - bounds[0]), 0);
            var last = first;
            for (var i = 1; i < bounds.Length - 1; i++)
            {
                last = last.Append(Payload.AsMemory(bounds[i], bounds[i + 1] - bounds[i]));
            }

            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }

        public override string ToString() => $"{Payload.Length} bytes cut at [{string.Join(", ", Cuts)}]: {System.Text.Encoding.UTF8.GetString(Payload)}";
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
