using System.Collections.Immutable;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>Turns samples into evidence rows (a few, never a whole window).</summary>
internal static class SampleEvidence
{
    public const int MaxRows = 8;

    public static EvidenceSample Of(in VitalSample sample)
        => new(sample.Type.Code, sample.Time, sample.Value, double.IsNaN(sample.Value2) ? null : sample.Value2);

    /// <summary>The last <see cref="MaxRows"/> samples of the span.</summary>
    public static ImmutableArray<EvidenceSample> Last(ReadOnlySpan<VitalSample> samples)
    {
        var from = Math.Max(0, samples.Length - MaxRows);
        var builder = ImmutableArray.CreateBuilder<EvidenceSample>(samples.Length - from);
        for (var i = from; i < samples.Length; i++)
        {
            builder.Add(Of(samples[i]));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Index of the first sample at or after <paramref name="from"/> (samples are in time order).</summary>
    public static int IndexFrom(ReadOnlySpan<VitalSample> samples, DateTimeOffset from)
    {
        var i = samples.Length;
        while (i > 0 && samples[i - 1].Time >= from)
        {
            i--;
        }

        return i;
    }

    public static string Number(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
