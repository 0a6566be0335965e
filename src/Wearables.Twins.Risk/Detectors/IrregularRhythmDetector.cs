using System.Collections.Immutable;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.Rhythm;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>
/// Possible atrial fibrillation from RR intervals. New 2-minute windows are judged by <see cref="RhythmAnalyzer"/>;
/// a signal opens only when confirmed: ≥ 3 of the last 4 good-quality windows of the last 48 h are irregular (in the
/// spirit of the Apple Heart Study's confirmation of repeated irregular tachograms, Perez et al. 2019, NEJM
/// 381:1909–1917). It stays open while ≥ 2 of those 4 are irregular.
/// </summary>
public sealed class IrregularRhythmDetector
{
    public const int ConfirmWindows = 4;
    public const int ConfirmIrregular = 3;
    public const int KeepIrregular = 2;
    public static readonly TimeSpan ConfirmPeriod = TimeSpan.FromHours(48);

    private const string Rule = "COSEn > −1.3 per good-quality 2-min RR window (Lake & Moorman 2011); open when ≥ 3 of the last 4 good windows in 48 h are irregular; close when < 2";

    private readonly RhythmAnalyzerOptions _options;

    public IrregularRhythmDetector(RhythmAnalyzerOptions? options = null) => _options = options ?? RhythmAnalyzerOptions.Default;

    public static FindingKind Kind => FindingKind.IrregularRhythm;

    /// <summary>Judges the closed windows newer than the history and applies the confirmation rule to history + new.</summary>
    public RiskSignal Evaluate(RiskInput input, out ImmutableArray<RhythmWindow> newWindows)
    {
        ArgumentNullException.ThrowIfNull(input);
        var after = input.RhythmHistory.IsEmpty ? DateTimeOffset.MinValue : input.RhythmHistory[^1].Start;
        newWindows = JudgeNewWindows(input.RrIntervals.AsSpan(), after, input.Now);

        Span<int> recent = stackalloc int[ConfirmWindows];
        var good = 0;
        var irregular = 0;
        var evidence = ImmutableArray.CreateBuilder<EvidenceSample>(ConfirmWindows);
        DateTimeOffset? since = null;
        for (var i = newWindows.Length + input.RhythmHistory.Length - 1; i >= 0 && good < ConfirmWindows; i--)
        {
            var window = i >= input.RhythmHistory.Length ? newWindows[i - input.RhythmHistory.Length] : input.RhythmHistory[i];
            if (input.Now - window.Start > ConfirmPeriod)
            {
                break;
            }

            if (window.Quality != SignalQuality.Good)
            {
                continue;
            }

            good++;
            if (window.Irregular)
            {
                irregular++;
                since = window.Start;
            }

            evidence.Add(new EvidenceSample("rr_window_cosen", window.Start, Math.Round(window.Features.Cosen, 3), window.Irregular ? 1 : 0));
        }

        if (good < ConfirmWindows && irregular < ConfirmIrregular)
        {
            return new RiskSignal(Kind, RiskLevel.None, irregular >= KeepIrregular || good == 0, irregular,
                $"{good} good-quality RR windows in 48 h, {irregular} irregular; confirmation needs {ConfirmIrregular} of {ConfirmWindows}.",
                Rule, evidence.ToImmutable());
        }

        var confirmed = irregular >= ConfirmIrregular;
        return new RiskSignal(Kind, confirmed ? RiskLevel.Medium : RiskLevel.None, irregular >= KeepIrregular, irregular,
            confirmed
                ? $"Screening signal: irregular rhythm (possible atrial fibrillation) in {irregular} of the last {good} good-quality 2-min RR windows; an ECG is advised."
                : $"{irregular} of the last {good} good-quality RR windows irregular.",
            Rule, evidence.ToImmutable(), ObservedSince: confirmed ? since : null);
    }

    private ImmutableArray<RhythmWindow> JudgeNewWindows(ReadOnlySpan<VitalSample> rrSamples, DateTimeOffset after, DateTimeOffset now)
    {
        var length = _options.WindowLength;
        var builder = ImmutableArray.CreateBuilder<RhythmWindow>();
        var buffer = new List<double>(256);
        var scratch = Array.Empty<double>();
        long currentWindow = long.MinValue;
        foreach (ref readonly var sample in rrSamples)
        {
            // Beat times: each interval ends at the sample time plus the intervals before it.
            var time = sample.Time;
            foreach (var rr in sample.Series)
            {
                time = time.AddMilliseconds(rr);
                var window = time.ToUnixTimeMilliseconds() / (long)length.TotalMilliseconds;
                if (window != currentWindow)
                {
                    Flush(currentWindow);
                    currentWindow = window;
                }

                buffer.Add(rr);
            }
        }

        // The last window is judged only once it has closed, so it is judged with all its beats, once.
        if (currentWindow != long.MinValue && WindowStart(currentWindow + 1) <= now)
        {
            Flush(currentWindow);
        }

        return builder.ToImmutable();

        void Flush(long window)
        {
            var start = WindowStart(window);
            if (window != long.MinValue && buffer.Count > 0 && start > after)
            {
                if (scratch.Length < 2 * buffer.Count)
                {
                    scratch = new double[2 * buffer.Count];
                }

                builder.Add(RhythmAnalyzer.Analyze(start, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer), scratch, _options));
            }

            buffer.Clear();
        }

        DateTimeOffset WindowStart(long window) => DateTimeOffset.FromUnixTimeMilliseconds(window * (long)length.TotalMilliseconds);
    }
}
