using System.Globalization;
using Wearables.Twins.Benchmarks.Reporting;

namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>The notify run's tables and notes, shared by the console and the docs section.</summary>
internal sealed class NotifySummary(NotifySettings settings, NotifyBenchmark.Result result)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public NotifySettings Settings => settings;

    public NotifyBenchmark.Result Result => result;

    /// <summary>Every patient got exactly its email and every stage was seen.</summary>
    public bool Ok => result.Episodes.All(e => e.AckToSmtp is not null && e.Queued is not null && e.Emails == 1);

    public TextTable StageTable()
    {
        var table = new TextTable("stage", "N", "min ms", "p50 ms", "p90 ms", "p99 ms", "max ms") { LeftAligned = new HashSet<int> { 0 } };
        var episodes = result.Episodes;
        Row(table, "202 → on the workers' queue", episodes.Select(e => e.AckToQueue));
        Row(table, "on the queue → accepted by SMTP", episodes.Select(e => e.QueueToSmtp));
        Row(table, "202 → accepted by SMTP (total)", episodes.Select(e => e.AckToSmtp));
        Row(table, "POST sent → 202 (before t0, not in the total)", episodes.Select(e => (double?)e.PostToAck));
        Row(table, "smtp4dev stamp → worker's \"sent\" line (two observers of the 250)", episodes.Select(e => e.LoggedMinusReceived));
        return table;
    }

    public IReadOnlyList<string> Notes()
    {
        var notes = new List<string>();
        var episodes = result.Episodes;
        var noQueue = episodes.Where(e => e.Queued is null).ToArray();
        if (noQueue.Length > 0)
        {
            notes.Add($"{noQueue.Length} of {episodes.Count} episodes produced no irregular_rhythm recommendation on the queue (first: {noQueue[0].Patient.PatientId}).");
        }

        var noMail = episodes.Where(e => e.Emails == 0).ToArray();
        if (noMail.Length > 0)
        {
            notes.Add($"{noMail.Length} of {episodes.Count} patients got no email within {settings.TimeoutSeconds} s of the last post (first: {noMail[0].Patient.PatientId}).");
        }

        var extra = episodes.Where(e => e.Emails > 1).ToArray();
        if (extra.Length > 0)
        {
            notes.Add($"{extra.Length} patients got more than one email; the first one was timed.");
        }

        var kinds = episodes.SelectMany(e => e.OtherKinds).Distinct().ToArray();
        if (kinds.Length > 0)
        {
            notes.Add($"the episodes also raised other recommendations ({string.Join(", ", kinds)}); only irregular_rhythm was timed.");
        }

        var disordered = episodes.Count(e => e.AckToQueue < 0 || e.QueueToSmtp < 0);
        if (disordered > 0)
        {
            notes.Add($"{disordered} episodes have a stage that ends before it starts: the observers' clocks disagree by more than the stage takes.");
        }

        var accepted = episodes.Where(e => e.SmtpAccepted is not null).ToArray();
        if (accepted.Length > 0)
        {
            var bySmtp = accepted.Count(e => e.AcceptedBySmtpStamp);
            notes.Add($"the SMTP acceptance was bounded by smtp4dev's stamp for {bySmtp} and by the worker's \"sent\" line for {accepted.Length - bySmtp} of {accepted.Length} emails.");
        }

        if (result.Resources.Others is { } others && others > 0.25 * Environment.ProcessorCount)
        {
            notes.Add(string.Create(Invariant,
                $"other processes used {others:0.00} of {Environment.ProcessorCount} cores during the measurement; a quiet machine would give lower numbers."));
        }

        if (result.HostProblems.Count > 0)
        {
            notes.Add($"the host logged {result.HostProblems.Count} warning/error lines, first: `{result.HostProblems[0]}`");
        }

        if (result.SharedSmtp)
        {
            notes.Add("smtp4dev was shared with other users of the machine (TWINS_TEST_SMTP_URL).");
        }

        if (Infrastructure.BuildInfo.Configuration != "Release")
        {
            notes.Add($"built in {Infrastructure.BuildInfo.Configuration}, not Release: the numbers are not representative.");
        }

        return notes;
    }

    public string ResourceLine()
    {
        var r = result.Resources;
        string Cores(double? value) => value is { } v ? v.ToString("0.00", Invariant) : "?";
        return string.Create(Invariant,
            $"{r.WallSeconds:0.0} s measured (first post to last email); CPU in cores: benchmark {Cores(r.Publisher)}, host {Cores(r.Host)}, " +
            $"others (smtp4dev included) {Cores(r.Others)} of {Environment.ProcessorCount}; posts spread over {result.PostingSpan.TotalSeconds:0.0} s");
    }

    private static void Row(TextTable table, string stage, IEnumerable<double?> values)
    {
        var stats = LatencyStats.Of(values.OfType<double>());
        static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString(Math.Abs(value) < 10 ? "0.0" : "N0", Invariant);
        table.Add(stage, stats.Count.ToString(Invariant), Ms(stats.Min), Ms(stats.P50), Ms(stats.P90), Ms(stats.P99), Ms(stats.Max));
    }
}
