using System.Collections.Immutable;
using Wearables.Twins.History.Reading;
using Wearables.Twins.History.Writing;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Api.Apis;

/// <summary>
/// One vital of one patient over any range: the twin's recent window and the lake's history read as one series
/// (each measurement once, the twin's copy preferred), or summarised per bucket from the lake.
/// </summary>
public sealed class PatientHistory(HistoryReader lake, HistoryWriter writer, TimeProvider time)
{
    public async Task<(IReadOnlyList<VitalSample> Samples, bool Truncated)> ReadAsync(
        string patientId, VitalType vital, ImmutableArray<VitalSample> recent, DateTimeOffset from, DateTimeOffset to, int limit,
        CancellationToken cancellationToken)
    {
        // Older than the window's oldest sample can only be in the lake; anything newer may be in both.
        var history = await lake.ReadAsync(patientId, vital, from, to, cancellationToken);
        var merged = new Dictionary<(long, long?, SourceKind), VitalSample>(history.Count + recent.Length);
        foreach (var sample in history)
        {
            merged[Key(sample)] = sample;
        }

        foreach (var sample in recent)
        {
            merged[Key(sample)] = sample;
        }

        var ordered = merged.Values.OrderBy(s => s.Time.UtcTicks).ThenBy(s => s.End?.UtcTicks ?? 0);
        var page = ordered.Take(limit + 1).ToList();
        var truncated = page.Count > limit;
        if (truncated)
        {
            page.RemoveAt(limit);
        }

        return (page, truncated);
    }

    public async Task<IReadOnlyList<HistoryBucket>> AggregateAsync(
        string patientId, VitalType vital, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution,
        CancellationToken cancellationToken)
    {
        // Buckets come from the lake alone; samples taken in the last seconds may still be in the writer's buffer.
        if (writer.BufferedValues > 0 && to > time.GetUtcNow() - TimeSpan.FromHours(1))
        {
            await writer.FlushAsync(cancellationToken);
        }

        return await lake.AggregateAsync(patientId, vital, from, to, resolution, cancellationToken);
    }

    private static (long, long?, SourceKind) Key(in VitalSample sample) => (sample.Time.UtcTicks, sample.End?.UtcTicks, sample.Source);
}
