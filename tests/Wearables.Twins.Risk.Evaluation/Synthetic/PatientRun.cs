using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Evaluation.Synthetic;

/// <summary>
/// Plays one synthetic patient through the engine the way the grain will: samples arrive in 15-minute batches, each
/// batch is folded into the baselines and followed by an evaluation and the finding tracker.
/// </summary>
public sealed record PatientRun(SyntheticPatient Patient, IReadOnlyList<FindingTransition> Transitions)
{
    public static readonly TimeSpan BatchInterval = TimeSpan.FromMinutes(15);

    public IEnumerable<FindingTransition> Opened => Transitions.Where(t => t.Type == TransitionType.Opened);

    public static PatientRun Play(SyntheticPatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var engine = new RiskEngine();
        var monitor = new PatientRiskMonitor(engine);
        var state = new RiskState();
        var windows = new TwinWindows();
        var transitions = new List<FindingTransition>();
        var samples = patient.Samples;
        var batch = new List<VitalSample>();
        var next = 0;
        var end = SyntheticPatient.Start.AddDays(patient.Days);
        for (var now = SyntheticPatient.Start + BatchInterval; now <= end; now += BatchInterval)
        {
            batch.Clear();
            while (next < samples.Count && samples[next].Time < now)
            {
                batch.Add(samples[next++]);
            }

            foreach (var sample in batch)
            {
                windows.Add(sample);
            }

            var steps = windows.Of(VitalCatalog.Steps);
            PatientRiskMonitor.Observe(state, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(batch), steps.AsSpan());
            var input = windows.Snapshot(now) with { Baselines = state.Baselines, RhythmHistory = state.RhythmHistory };
            transitions.AddRange(monitor.Apply($"p{patient.GetHashCode()}", state, engine.Evaluate(input), now).Transitions);
        }

        return new PatientRun(patient, transitions);
    }
}
