using System.Collections.Immutable;
using Wearables.Twins.Risk.Detectors;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.Rhythm;

namespace Wearables.Twins.Risk.Engine;

/// <summary>
/// The built-in risk model: runs every detector over the input. Synchronous, allocation-light and without I/O, so a
/// grain can call <see cref="Evaluate"/> inside its turn; thread-safe (no mutable state).
/// </summary>
public sealed class RiskEngine : IRiskModel
{
    public const string ModelName = "built-in";

    private readonly News2Detector _news2 = new();
    private readonly IrregularRhythmDetector _rhythm;
    private readonly HeartRateAtRestDetector _heartRateAtRest = new();
    private readonly IRiskDetector[] _detectors =
    [
        new RestingHeartRateElevationDetector(), new HypoxemiaDetector(), new FeverDetector(),
        new HypertensiveReadingDetector(), new SleepDeteriorationDetector(), new RisingStressDetector(),
    ];

    public RiskEngine(RhythmAnalyzerOptions? rhythm = null) => _rhythm = new IrregularRhythmDetector(rhythm);

    public string Name => ModelName;

    public RiskEvaluation Evaluate(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var signals = ImmutableArray.CreateBuilder<RiskSignal>(_detectors.Length + 4);
        signals.Add(_news2.Evaluate(input, out var news2));
        signals.Add(_rhythm.Evaluate(input, out var windows));
        var (tachycardia, bradycardia) = _heartRateAtRest.Evaluate(input);
        signals.Add(tachycardia);
        signals.Add(bradycardia);
        foreach (var detector in _detectors)
        {
            signals.Add(detector.Evaluate(input));
        }

        return new RiskEvaluation(signals.MoveToImmutable(), news2, windows, ModelName);
    }

    public ValueTask<RiskEvaluation> EvaluateAsync(RiskInput input, CancellationToken cancellationToken)
        => ValueTask.FromResult(Evaluate(input));
}
