using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Engine;

/// <summary>
/// What the patient grain calls: <see cref="Observe"/> on every recorded batch (cheap: folds samples into the
/// baselines) and <see cref="EvaluateAsync"/> when debounced change warrants a new assessment (runs the model —
/// in-process, or remote with fallback — then the finding tracker). Stateless and thread-safe: all state is in
/// the <see cref="RiskState"/> passed in.
/// </summary>
public sealed class PatientRiskMonitor
{
    private readonly IRiskModel _model;
    private readonly FindingTracker _tracker;

    public PatientRiskMonitor(IRiskModel model, FindingTracker? tracker = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _tracker = tracker ?? new FindingTracker();
    }

    /// <summary>Folds a recorded batch into the baselines; <paramref name="recentSteps"/> is the twin's step window.</summary>
    public static void Observe(RiskState state, ReadOnlySpan<VitalSample> batch, ReadOnlySpan<VitalSample> recentSteps)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Baselines.Observe(batch, recentSteps);
    }

    /// <summary>
    /// Evaluates <paramref name="snapshot"/> (recent samples, observations, flags; its baselines and rhythm history are
    /// replaced by the state's) and applies the result to <paramref name="state"/>.
    /// </summary>
    public async ValueTask<RiskUpdate> EvaluateAsync(string patientId, RiskState state, RiskInput snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(snapshot);
        var input = snapshot with { Baselines = state.Baselines, RhythmHistory = state.RhythmHistory };
        var evaluation = await _model.EvaluateAsync(input, cancellationToken);
        return Apply(patientId, state, evaluation, input.Now);
    }

    /// <summary>The synchronous half: applies an evaluation to the state (also used by the evaluation harness).</summary>
    public RiskUpdate Apply(string patientId, RiskState state, RiskEvaluation evaluation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(evaluation);
        state.AppendRhythm(evaluation.RhythmWindows);
        var transitions = _tracker.Apply(state.Findings, patientId, evaluation.Signals, now);
        state.LastNews2 = evaluation.News2;
        state.EvaluatedAt = now;
        state.Model = evaluation.Model;
        state.FellBack = evaluation.FellBack;
        return new RiskUpdate(transitions, state.ToStatus(), evaluation);
    }
}
