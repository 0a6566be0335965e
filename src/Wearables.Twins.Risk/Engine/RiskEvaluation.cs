using System.Collections.Immutable;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.News2;
using Wearables.Twins.Risk.Rhythm;

namespace Wearables.Twins.Risk.Engine;

/// <summary>What a model returns for one <see cref="RiskInput"/>: one signal per detector, the NEWS2 score, new rhythm windows.</summary>
/// <param name="Signals">One signal per finding kind the model screens for.</param>
/// <param name="News2">The (possibly partial) NEWS2 score.</param>
/// <param name="RhythmWindows">RR windows judged in this evaluation (append them to the history).</param>
/// <param name="Model">Which model produced it ("built-in", "sagemaker:{endpoint}").</param>
/// <param name="FellBack">True when the configured model failed and the built-in engine answered instead.</param>
public sealed record RiskEvaluation(
    ImmutableArray<RiskSignal> Signals,
    News2Result News2,
    ImmutableArray<RhythmWindow> RhythmWindows,
    string Model,
    bool FellBack = false);
