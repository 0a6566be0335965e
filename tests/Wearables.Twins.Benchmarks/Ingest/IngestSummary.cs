using System.Globalization;
using Wearables.Twins.Benchmarks.Reporting;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>The rounds of one ingest run, with the tables and ratios both the console and the docs show.</summary>
internal sealed class IngestSummary(IngestSettings settings, IReadOnlyList<RoundResult> rounds)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public IngestSettings Settings => settings;

    public IReadOnlyList<RoundResult> Rounds => rounds;

    public IReadOnlyList<RoundResult> Baselines => [.. rounds.Where(r => r.Path == IngestPath.Baseline)];

    public IReadOnlyList<RoundResult> EndToEnds => [.. rounds.Where(r => r.Path == IngestPath.EndToEnd)];

    /// <summary>End-to-end ÷ baseline messages/s of each B/E pair, in order.</summary>
    public IReadOnlyList<double> Ratios => [.. EndToEnds
        .Select(e => (Baseline: rounds.LastOrDefault(b => b.Path == IngestPath.Baseline && b.Round < e.Round), EndToEnd: e))
        .Where(p => p.Baseline is not null && p.Baseline.Publisher.MessagesPerSecond > 0)
        .Select(p => p.EndToEnd.Publisher.MessagesPerSecond / p.Baseline!.Publisher.MessagesPerSecond)];

    public double MeanRatio => Ratios.Count > 0 ? Ratios.Average() : double.NaN;

    public string RatioLine()
        => Ratios.Count == 0
            ? "End to end ÷ baseline: no complete pair."
            : string.Create(Invariant,
                $"End to end ÷ baseline (messages/s): {string.Join(", ", Ratios.Select((r, i) => $"pair {i + 1} {r:0.000}"))}; mean {MeanRatio:0.000}");

    public TextTable ResultsTable()
    {
        var table = new TextTable("round", "path", "messages/s", "samples/s", "samples/msg", "PUBACKs", "non-success",
            "round trip", "log wait", "publisher CPU", "host CPU", "other CPU", "CPU/msg", "host writes", "other writes",
            "host peak RSS", "twins")
        {
            LeftAligned = new HashSet<int> { 1 },
        };
        foreach (var r in rounds)
        {
            var p = r.Publisher;
            table.Add(
                r.Round.ToString(Invariant),
                r.Path == IngestPath.Baseline ? "baseline" : "end to end",
                p.MessagesPerSecond.ToString("N0", Invariant),
                p.SamplesPerSecond.ToString("N0", Invariant),
                r.SamplesPerMessage.ToString("0.0", Invariant),
                p.Acks.ToString("N0", Invariant),
                p.NonSuccessAcks.ToString(Invariant),
                r.MeanRoundTripMilliseconds.ToString("0.0", Invariant) + " ms",
                r.HostMetrics?.MeanDurableMilliseconds is { } wait ? wait.ToString("0.0", Invariant) + " ms" : "—",
                Cores(r.Resources.Publisher),
                Cores(r.Resources.Host),
                Cores(r.Resources.Others),
                r.CpuMillisecondsPerMessage.ToString("0.00", Invariant) + " ms",
                MegabytesPerSecond(r.Resources.HostWriteMegabytesPerSecond),
                MegabytesPerSecond(r.Resources.OtherWriteMegabytesPerSecond),
                r.HostPeakRssBytes is { } rss ? (rss / 1024.0 / 1024.0).ToString("0", Invariant) + " MiB" : "—",
                r.Twins is null ? "—" : r.Twins.Passed ? "OK" : "MISSING");
        }

        return table;
    }

    /// <summary>The REST read-back of each end-to-end round against what was acknowledged.</summary>
    public TextTable TwinsTable()
    {
        var table = new TextTable("round", "acknowledged samples", "in-message duplicates", "rejected", "required",
            "host log accepted", "wearable samples", "patient samples", "wearable duplicates", "wearables/patients found", "check");
        foreach (var r in EndToEnds.Where(r => r.Twins is not null))
        {
            var t = r.Twins!;
            table.Add(
                r.Round.ToString(Invariant),
                t.AckedSamples.ToString("N0", Invariant),
                t.InMessageDuplicates.ToString("N0", Invariant),
                t.HostRejected.ToString("N0", Invariant),
                t.Required.ToString("N0", Invariant),
                t.HostAccepted is { } accepted ? accepted.ToString("N0", Invariant) : "?",
                t.WearableSamples.ToString("N0", Invariant),
                t.PatientSamples.ToString("N0", Invariant),
                t.WearableDuplicates.ToString("N0", Invariant),
                string.Create(Invariant, $"{t.WearablesFound}/{t.PatientsFound} of {t.Devices}"),
                t.Passed ? "OK" : "MISSING");
        }

        return table;
    }

    /// <summary>How the target-side rate moved within each round, and when the host checkpointed.</summary>
    public TextTable TimelineTable()
    {
        var table = new TextTable("round", "path", "messages/s per 5 s (target side)", "checkpoints (s into round)")
        {
            LeftAligned = new HashSet<int> { 1, 2, 3 },
        };
        foreach (var r in rounds)
        {
            table.Add(
                r.Round.ToString(Invariant),
                r.Path == IngestPath.Baseline ? "baseline" : "end to end",
                r.IntervalRates.Count == 0 ? "—" : string.Join(", ", r.IntervalRates.Select(x => x.ToString("N0", Invariant))),
                r.Path == IngestPath.Baseline ? "—"
                    : r.Checkpoints.Count == 0 ? "none" : string.Join(", ", r.Checkpoints.Select(x => x.ToString("0.0", Invariant))));
        }

        return table;
    }

    private static string Cores(double? cores) => cores is { } c ? c.ToString("0.00", Invariant) : "—";

    private static string MegabytesPerSecond(double? rate) => rate is { } r ? r.ToString("0.0", Invariant) + " MB/s" : "—";
}
