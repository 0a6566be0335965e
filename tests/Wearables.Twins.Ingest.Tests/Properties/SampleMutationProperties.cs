using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>Bad input loses nothing else: corrupted samples are rejected alone, each with its own reason.</summary>
public sealed class SampleMutationProperties
{
    [Property(MaxTest = 200)]
    public Property Exactly_the_corrupted_samples_are_rejected_and_the_others_are_kept_unchanged()
        => Prop.ForAll(EnvelopeCases.WithCorruptedSamples(), envelope =>
            CaseAssertions.AssertDecodedAsExpected(envelope, DecoderInvariants.Decode(DecoderInvariants.GeneratedCaseDecoder, envelope.ToUtf8())));
}
