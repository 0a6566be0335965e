using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Wearables.Twins.Risk.Detectors;
using Wearables.Twins.Risk.Evaluation.Afdb;
using Wearables.Twins.Risk.Evaluation.News2;
using Wearables.Twins.Risk.Evaluation.Synthetic;
using Wearables.Twins.Risk.Rhythm;

namespace Wearables.Twins.Risk.Evaluation;

/// <summary>Runs every evaluation and renders docs/risk-evaluation.md.</summary>
public static class ReportWriter
{
    public static string DefaultPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wearables.Twins.sln")))
            {
                return Path.Combine(dir.FullName, "docs", "risk-evaluation.md");
            }
        }

        return "risk-evaluation.md";
    }

    public static string Run(int healthyPatients, int perScenario)
    {
        var started = DateTimeOffset.UtcNow;
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("# Risk engine evaluation").AppendLine();
        md.AppendLine(inv, $"Generated {started:yyyy-MM-dd HH:mm} UTC by `dotnet run --project tests/Wearables.Twins.Risk.Evaluation -c Release -- --healthy {healthyPatients} --per-scenario {perScenario}`")
          .AppendLine(inv, $"on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}. ")
          .AppendLine("Every number below is a screening-signal quality measure, not a diagnostic accuracy claim. The key targets are also asserted by")
          .AppendLine("`tests/Wearables.Twins.Risk.Tests` (`RiskTargetTests`), so CI guards them.").AppendLine();

        // NEWS2
        var boundaries = News2ChartBoundaries.All.Count;
        md.AppendLine("## NEWS2 chart boundaries").AppendLine()
          .AppendLine(inv, $"{News2ChartBoundaries.CountCorrect()} of {boundaries} boundary values (last value of every band and first of the next, both SpO2 scales, air/oxygen, consciousness) score as the RCP 2017 chart says. Target: all.").AppendLine();

        // AFDB
        var afdb = AfdbEvaluation.LoadAll();
        var threshold = RhythmAnalyzerOptions.Default.CosenThreshold;
        var all = afdb.Score(threshold);
        var even = new HashSet<string>(afdb.Records.Where((_, i) => i % 2 == 0), StringComparer.Ordinal);
        var tunedOnEven = afdb.Tune(even.Contains);
        var tunedOnOdd = afdb.Tune(r => !even.Contains(r));
        var testOdd = afdb.Score(tunedOnEven, r => !even.Contains(r));
        var testEven = afdb.Score(tunedOnOdd, even.Contains);
        var published = afdb.Score(-1.4);
        var (ungradedAf, ungradedNot) = afdb.Ungraded();
        var confirmation = afdb.Confirmation(threshold);
        md.AppendLine("## Irregular rhythm on MIT-BIH AFDB (per 2-minute window)").AppendLine()
          .AppendLine(inv, $"Data: {afdb.Records.Count} AFDB records (RR intervals from the reference beat annotations; Moody & Mark 1983, PhysioNet, ODC-BY 1.0).")
          .AppendLine("Windows are aligned 2-minute spans; a window is scored when ≥ 90% of it is one rhythm: AFIB = positive, N or J = negative;")
          .AppendLine("AFL and mixed windows are excluded from the per-window figures. Decision: COSEn > threshold on good-quality windows.")
          .AppendLine("Honesty note: the features and the shipped threshold were first explored on all 19 records (a Python prototype); the")
          .AppendLine("split-half rows show what tuning on one half alone picks and how it holds on the other half.").AppendLine()
          .AppendLine("| evaluation | threshold | windows | sensitivity | specificity | PPV |")
          .AppendLine("| --- | --- | --- | --- | --- | --- |")
          .AppendLine(Row("shipped default, all records", threshold, all))
          .AppendLine(Row("tuned on even records → tested on odd", tunedOnEven, testOdd))
          .AppendLine(Row("tuned on odd records → tested on even", tunedOnOdd, testEven))
          .AppendLine(Row("Lake & Moorman 2011 published threshold, all", -1.4, published)).AppendLine()
          .AppendLine(inv, $"Quality gate: {ungradedAf} AF and {ungradedNot} non-AF scored windows were not graded (too few beats / noisy). ")
          .AppendLine(inv, $"Excluded: {afdb.Windows.Count(w => !w.IsScored)} windows (AFL or mixed). ")
          .AppendLine(inv, $"Confirmation rule (≥ {IrregularRhythmDetector.ConfirmIrregular} of the last {IrregularRhythmDetector.ConfirmWindows} good windows): {confirmation.Confirmed} of {confirmation.Episodes} AF episodes ≥ 10 min confirmed; {confirmation.FalseConfirmations} confirmations during non-AF rhythm over {confirmation.NonAfHours:0} h ({confirmation.FalseConfirmations / Math.Max(1, confirmation.NonAfHours) * 24:0.00} per non-AF day).")
          .AppendLine();

        md.AppendLine("Per record at the shipped threshold:").AppendLine()
          .AppendLine("| record | AF windows | detected | non-AF windows | false positives |").AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var record in afdb.Records)
        {
            var c = afdb.Score(threshold, r => r == record);
            md.AppendLine(inv, $"| {record} | {c.TruePositive + c.FalseNegative} | {c.TruePositive} | {c.TrueNegative + c.FalsePositive} | {c.FalsePositive} |");
        }

        md.AppendLine();

        // Synthetic
        md.AppendLine("## Synthetic cohorts (30-day patient-months)").AppendLine()
          .AppendLine("Generated by `SyntheticPatient`: heart rate every 5 min with sleep dip and activity, 5-min steps, nightly sleep, night-time SpO2 and")
          .AppendLine("respiration, a daily thermometer reading, weekly blood pressure, hourly stress, a resting RR tachogram every 2 h with HRV and")
          .AppendLine("ectopic beats; person-level variation and day-to-day noise (incl. 5% of days +4 bpm). Played through the engine like the grain:")
          .AppendLine("15-minute batches, baselines updated, evaluation + finding tracker after every batch. An alert = a finding *opened*.").AppendLine()
          .AppendLine("| cohort | patients | target | sensitivity | median lead (h; < 0 = delay after onset) | true alerts | false alerts | false alerts / patient-month | false alerts by kind |")
          .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var cohorts = new List<CohortResult> { SyntheticEvaluation.Run(ScenarioKind.Healthy, healthyPatients) };
        foreach (var kind in new[] { ScenarioKind.Infection, ScenarioKind.AtrialFibrillation, ScenarioKind.Hypoxemia, ScenarioKind.Fever })
        {
            cohorts.Add(SyntheticEvaluation.Run(kind, perScenario));
        }

        foreach (var c in cohorts)
        {
            var byKind = c.FalseAlertsByKind.Count == 0 ? "–" : string.Join(", ", c.FalseAlertsByKind.Select(k => $"{k.Key} {k.Value}"));
            md.AppendLine(inv, $"| {c.Kind} | {c.Patients} | {c.Target?.ToString() ?? "–"} | {Percent(c.Sensitivity)} | {(double.IsNaN(c.MedianLeadHours) ? "–" : c.MedianLeadHours.ToString("0", inv))} | {c.TrueAlerts} | {c.FalseAlerts} | {c.FalseAlertsPerPatientMonth:0.00} | {byKind} |");
        }

        var trueAll = cohorts.Sum(c => c.TrueAlerts);
        var falseAll = cohorts.Sum(c => c.FalseAlerts);
        md.AppendLine()
          .AppendLine(inv, $"PPV over all cohorts: {Percent(trueAll / (double)Math.Max(1, trueAll + falseAll))} ({trueAll} true of {trueAll + falseAll} alerts). ")
          .AppendLine("Lead time for infection = symptom onset − opening of the resting-HR elevation finding (positive = before symptoms; the synthetic")
          .AppendLine("resting HR starts rising 3 days before onset). Targets: ≤ 1 false alert per healthy patient-month.").AppendLine()
          .AppendLine("Caveats: synthetic data follows the generator's assumptions (e.g. AF as 20% RR variability at a faster rate); it checks the")
          .AppendLine("plumbing, hysteresis and alert rates, not clinical validity. AFDB is Holter ECG-derived RR from 25 (here 19) mostly elderly patients;")
          .AppendLine("PPG-derived intervals from a wrist device are noisier and the quality gate matters more there.").AppendLine()
          .AppendLine(inv, $"Run time: {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s.");
        return md.ToString();

        static string Row(string name, double t, Confusion c)
            => string.Create(CultureInfo.InvariantCulture, $"| {name} | {t:0.00} | {c.Total} | {Percent(c.Sensitivity)} | {Percent(c.Specificity)} | {Percent(c.Ppv)} |");
    }

    private static string Percent(double ratio) => double.IsNaN(ratio) ? "–" : ratio.ToString("0.0%", CultureInfo.InvariantCulture);
}
