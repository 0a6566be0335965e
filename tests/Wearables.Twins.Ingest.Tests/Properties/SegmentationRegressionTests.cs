using System.Buffers;
using System.Text;
using Wearables.Twins.Ingest.Decoding;
using static Wearables.Twins.Ingest.Tests.Decoding.Envelopes;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>The counter-example the segmentation property found, pinned.</summary>
public sealed class SegmentationRegressionTests
{
    /// <summary>
    /// System.Text.Json quotes the bytes of an invalid literal up to the end of its segment: the detail used to carry
    /// a kilobyte of the payload (readings included) in one buffer and five bytes when the transport split it.
    /// </summary>
    [Fact]
    public void A_broken_literal_is_described_by_position_alone_however_the_payload_is_split()
    {
        var bytes = Encoding.UTF8.GetBytes(
            """{"deviceId":"w-1","messageId":"m-1","samples":[{"type":"heart_rate","value":tart","time":"2026-11-27T10:00:00Z","unit":"/min","systolic":121}]}""");
        var cut = Encoding.UTF8.GetString(bytes).IndexOf("tart", StringComparison.Ordinal) + 5;
        var first = new Segment(bytes.AsMemory(0, cut));
        var last = first.Append(bytes.AsMemory(cut));

        var whole = Decoder().Decode(new ReadOnlySequence<byte>(bytes));
        var split = Decoder().Decode(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));

        Assert.Equal(RejectReasons.MalformedJson, whole.Problem?.Reason);
        Assert.Equal(whole.Problem, split.Problem);
        Assert.DoesNotContain("121", whole.Problem!.Detail, StringComparison.Ordinal);
        Assert.Contains("(line 1, byte ", whole.Problem.Detail, StringComparison.Ordinal);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
