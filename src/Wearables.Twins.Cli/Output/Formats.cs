using System.Globalization;

namespace Wearables.Twins.Cli.Output;

/// <summary>How readings and times are shown: invariant culture, so output is the same on every machine.</summary>
internal static class Formats
{
    private const int ShownSeriesValues = 4;

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"1 sample", "2 samples".</summary>
    public static string Count(long count, string noun) => $"{Number(count)} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>RFC 3339 with the offset the time was recorded in, so it can be pasted into <c>--from</c>.</summary>
    public static string Time(DateTimeOffset value) => Rfc3339Text.Format(value);

    public static string Time(DateTimeOffset? value) => value is { } time ? Time(time) : "–";

    /// <summary>The reading in the fields its shape uses, followed by its unit.</summary>
    public static string Reading(VitalSampleView sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string reading;
        if (sample.Category is { } category)
        {
            // A category (or a recording's classification) is the reading; a recording's samples are only counted.
            return sample.Values is { Count: > 0 } recorded ? $"{category} ({recorded.Count} values)" : WithContext(category, sample);
        }

        if (sample.Systolic is { } systolic && sample.Diastolic is { } diastolic)
        {
            reading = $"{Number(systolic)}/{Number(diastolic)}";
        }
        else if (sample.Values is { Count: > 0 } values)
        {
            var shown = string.Join(", ", values.Take(ShownSeriesValues).Select(Number));
            reading = values.Count > ShownSeriesValues ? $"{shown}, … ({values.Count} values)" : shown;
        }
        else if (sample.Stage is { } stage)
        {
            reading = stage;
        }
        else
        {
            reading = sample.Value is { } value ? Number(value) : "–";
        }

        return WithContext(WithUnit(reading, sample.Unit), sample);
    }

    public static string WithUnit(string reading, string? unit)
        => string.IsNullOrEmpty(unit) ? reading : $"{reading} {unit}";

    // "unknown" is the service's default context and says nothing worth a column of noise.
    private static string WithContext(string reading, VitalSampleView sample)
        => sample.Context is { } context && !string.Equals(context, "unknown", StringComparison.Ordinal)
            ? $"{reading} ({context})"
            : reading;

    /// <summary>The time, and for interval vitals (steps, sleep) the end as well.</summary>
    public static string When(VitalSampleView sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.End is { } end ? $"{Time(sample.Time)} → {Time(end)}" : Time(sample.Time);
    }
}
