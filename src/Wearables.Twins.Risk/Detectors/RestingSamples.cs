using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Rhythm;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>Heart-rate samples of a recent span taken at rest and awake (see <see cref="RestingHeartRate"/>).</summary>
internal static class RestingSamples
{
    /// <summary>Copies the qualifying samples of the last <paramref name="span"/> into <paramref name="output"/>; returns how many.</summary>
    public static int Collect(RiskInput input, TimeSpan span, Span<VitalSample> output)
    {
        var count = 0;
        var from = input.Now - span;
        var steps = input.Steps.AsSpan();
        var sleep = input.SleepStages.AsSpan();
        foreach (var source in (ReadOnlySpan<ImmutableArrayWrapper>)[new(input.HeartRate, true), new(input.RestingHeartRate, false)])
        {
            var samples = source.Samples.AsSpan();
            for (var i = SampleEvidence.IndexFrom(samples, from); i < samples.Length && count < output.Length; i++)
            {
                if (samples[i].Time > input.Now || SleepStages.Covers(sleep, samples[i].Time))
                {
                    continue;
                }

                if (!source.NeedsRestCheck || RestingHeartRate.IsAtRest(samples[i], steps))
                {
                    output[count++] = samples[i];
                }
            }
        }

        output[..count].Sort(static (a, b) => a.Time.CompareTo(b.Time));
        return count;
    }

    private readonly record struct ImmutableArrayWrapper(System.Collections.Immutable.ImmutableArray<VitalSample> Samples, bool NeedsRestCheck);
}
