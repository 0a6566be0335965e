using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Risk.Evaluation.Synthetic;

/// <summary>
/// Runs cohorts of synthetic patients and scores the opened findings: an opening of the scenario's target kind inside
/// its detection window is a true alert (the first one counts as the detection), every other opening is a false alert.
/// For an infection the window starts 5 days before symptom onset (the point of the screen is to be early) and the
/// lead time is onset − opening. Findings that the event itself causes (fever, fast resting heart rate, resting-HR
/// elevation, short sleep) count as true when they open inside the window of an infection or fever scenario.
/// </summary>
public static class SyntheticEvaluation
{
    public static CohortResult Run(ScenarioKind kind, int patients, int seed = 1)
    {
        var runs = Enumerable.Range(0, patients).AsParallel().AsOrdered()
            .Select(i => PatientRun.Play(new SyntheticPatient(DeterministicSeed(seed, kind, i), kind)))
            .ToList();
        return Score(kind, runs);
    }

    /// <summary>The same cohort in every process (HashCode.Combine is randomised per process).</summary>
    private static int DeterministicSeed(int seed, ScenarioKind kind, int patient)
        => unchecked((seed * 7919) + ((int)kind * 104_729) + patient);

    public static FindingKind? TargetOf(ScenarioKind kind) => kind switch
    {
        ScenarioKind.Infection => FindingKind.RestingHeartRateElevation,
        ScenarioKind.AtrialFibrillation => FindingKind.IrregularRhythm,
        ScenarioKind.Hypoxemia => FindingKind.Hypoxemia,
        ScenarioKind.Fever => FindingKind.Fever,
        _ => null,
    };

    public static CohortResult Score(ScenarioKind kind, IReadOnlyList<PatientRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var target = TargetOf(kind);
        int detected = 0, trueAlerts = 0, falseAlerts = 0;
        var leads = new List<double>();
        var falseByKind = new Dictionary<FindingKind, int>();
        foreach (var run in runs)
        {
            var p = run.Patient;
            var windowStart = kind == ScenarioKind.Infection ? p.EventStart.AddDays(-5) : p.EventStart;
            var windowEnd = p.EventEnd.AddDays(1);
            var found = false;
            foreach (var opened in run.Opened)
            {
                var inWindow = target is not null && opened.At >= windowStart && opened.At <= windowEnd;
                var isTarget = inWindow && (opened.Finding.Kind == target
                    || kind is ScenarioKind.Infection or ScenarioKind.Fever
                        && opened.Finding.Kind is FindingKind.Fever or FindingKind.TachycardiaAtRest or FindingKind.SleepDeterioration or FindingKind.RestingHeartRateElevation);
                if (isTarget)
                {
                    trueAlerts++;
                    if (!found && opened.Finding.Kind == target)
                    {
                        found = true;
                        detected++;
                        leads.Add((p.EventStart - opened.At).TotalHours);
                    }
                }
                else
                {
                    falseAlerts++;
                    falseByKind[opened.Finding.Kind] = falseByKind.GetValueOrDefault(opened.Finding.Kind) + 1;
                }
            }
        }

        var months = runs.Sum(r => r.Patient.Days) / 30.0;
        return new CohortResult(kind, runs.Count, target, detected, leads, trueAlerts, falseAlerts, falseByKind, months);
    }
}
