using Wearables.Twins.Ingest.Decoding;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>Checks a decoding against what a generated envelope says each of its samples must become.</summary>
internal static class CaseAssertions
{
    public static void AssertDecodedAsExpected(EnvelopeCase envelope, DecodedEnvelope decoded)
    {
        Assert.True(decoded.Problem is null, $"The envelope was refused: {decoded.Problem}");
        Assert.Equal(envelope.Samples.Count, decoded.Verdicts.Length);
        for (var i = 0; i < envelope.Samples.Count; i++)
        {
            var sample = envelope.Samples[i];
            var verdict = decoded.Verdicts[i];
            Assert.Equal(i, verdict.Index);
            if (sample.ExpectedReason is { } reason)
            {
                Assert.True(verdict.Status == SampleStatus.Rejected && verdict.Reason == reason,
                    $"Sample {i} ({sample.Corruption}) should be rejected as {reason}; it was {verdict.Status} {verdict.Reason} {verdict.Detail}");
                Assert.False(string.IsNullOrWhiteSpace(verdict.Detail), $"Sample {i} ({reason}) has no detail.");
            }
            else
            {
                var status = sample.DuplicateOf is null ? SampleStatus.Accepted : SampleStatus.Duplicate;
                Assert.True(verdict.Status == status && verdict.Reason is null,
                    $"Sample {i} {(sample.Corruption is null ? "(valid)" : $"({sample.Corruption})")} should be {status}; it was {verdict.Status} {verdict.Reason} {verdict.Detail}");
            }
        }

        Assert.Equal(
            envelope.Samples.Where(s => s.IsIntact).Select(s => DecoderInvariants.Describe(s.Expected!.Value)),
            decoded.Accepted.Select(DecoderInvariants.Describe));
        DecoderInvariants.AssertWellFormed(decoded);
    }
}
