using Wearables.Twins.Risk.Detectors;
using Wearables.Twins.Risk.Rhythm;

namespace Wearables.Twins.Risk.Evaluation.Afdb;

/// <summary>
/// Per-window evaluation of the irregular-rhythm screen on AFDB. Honest tuning: the COSEn threshold is chosen on one
/// half of the records (by maximising the smaller of sensitivity and specificity) and reported on the other half,
/// both ways round; the shipped default is reported on all records.
/// </summary>
public sealed class AfdbEvaluation
{
    private static readonly DateTimeOffset Origin = DateTimeOffset.UnixEpoch;

    public AfdbEvaluation(IReadOnlyList<AfdbRecord> records)
    {
        // Windows judged once with every feature; thresholds are applied afterwards.
        Windows = [.. records.SelectMany(r => Judge(r, RhythmAnalyzerOptions.Default))];
        Records = [.. records.Select(r => r.Name)];
    }

    public IReadOnlyList<string> Records { get; }

    public IReadOnlyList<LabelledWindow> Windows { get; }

    public static AfdbEvaluation LoadAll() => LoadAll(AfdbRecord.LocateFolder());

    public static AfdbEvaluation LoadAll(string folder)
        => new([.. AfdbRecord.Names(folder).AsParallel().AsOrdered().Select(n => AfdbRecord.Load(folder, n))]);

    public Confusion Score(double threshold, Func<string, bool>? recordFilter = null)
    {
        var confusion = default(Confusion);
        foreach (var w in Windows)
        {
            if (w.IsScored && w.Window.Quality == SignalQuality.Good && (recordFilter?.Invoke(w.Record) ?? true))
            {
                confusion = confusion.Add(w.IsAf, w.Window.Features.Cosen > threshold);
            }
        }

        return confusion;
    }

    /// <summary>Scored windows that failed the quality gate, by label (they count as neither detected nor missed).</summary>
    public (int Af, int NotAf) Ungraded()
        => (Windows.Count(w => w.IsScored && w.IsAf && w.Window.Quality != SignalQuality.Good),
            Windows.Count(w => w.IsScored && !w.IsAf && w.Window.Quality != SignalQuality.Good));

    /// <summary>The threshold that maximises min(sensitivity, specificity) on the given records.</summary>
    public double Tune(Func<string, bool> recordFilter)
    {
        var best = double.NaN;
        var bestScore = -1.0;
        for (var t = -2.5; t <= 0.0; t += 0.05)
        {
            var c = Score(t, recordFilter);
            var score = Math.Min(c.Sensitivity, c.Specificity);
            if (score > bestScore)
            {
                bestScore = score;
                best = t;
            }
        }

        return Math.Round(best, 2);
    }

    /// <summary>
    /// The confirmation rule on consecutive windows of each record: how many AF episodes (≥ 10 min of AFIB) were
    /// confirmed, and how many confirmations happened during non-AF time (per hour of non-AF recording).
    /// </summary>
    public (int Episodes, int Confirmed, int FalseConfirmations, double NonAfHours) Confirmation(double threshold)
    {
        int episodes = 0, confirmed = 0, falseConfirmations = 0;
        var nonAfWindows = 0;
        foreach (var record in Windows.GroupBy(w => w.Record))
        {
            var recent = new Queue<bool>();
            var inEpisode = false;
            var episodeConfirmed = false;
            var episodeWindows = 0;
            var open = false;
            foreach (var w in record)
            {
                var af = w.IsAf && w.IsPure;
                if (af && !inEpisode)
                {
                    inEpisode = true;
                    episodeConfirmed = false;
                    episodeWindows = 0;
                }
                else if (!af && inEpisode)
                {
                    CloseEpisode();
                    inEpisode = false;
                }

                if (af)
                {
                    episodeWindows++;
                }
                else if (w.IsScored)
                {
                    nonAfWindows++;
                }

                if (w.Window.Quality != SignalQuality.Good)
                {
                    continue;
                }

                recent.Enqueue(w.Window.Features.Cosen > threshold);
                if (recent.Count > IrregularRhythmDetector.ConfirmWindows)
                {
                    recent.Dequeue();
                }

                var irregular = recent.Count(x => x);
                if (!open && irregular >= IrregularRhythmDetector.ConfirmIrregular)
                {
                    open = true;
                    if (af)
                    {
                        episodeConfirmed = true;
                    }
                    else if (w.IsScored && w.MajorityRhythm != "AFIB")
                    {
                        falseConfirmations++;
                    }
                }
                else if (open && irregular < IrregularRhythmDetector.KeepIrregular)
                {
                    open = false;
                }
                else if (open && af)
                {
                    episodeConfirmed = true;
                }
            }

            if (inEpisode)
            {
                CloseEpisode();
            }

            void CloseEpisode()
            {
                if (episodeWindows >= 5)
                {
                    episodes++;
                    confirmed += episodeConfirmed ? 1 : 0;
                }
            }
        }

        return (episodes, confirmed, falseConfirmations, nonAfWindows * 2 / 60.0);
    }

    private static IEnumerable<LabelledWindow> Judge(AfdbRecord record, RhythmAnalyzerOptions options)
    {
        var windows = RhythmAnalyzer.AnalyzeStream(Origin, record.BeatTimes, record.RrMs, options);
        foreach (var window in windows)
        {
            var from = (window.Start - Origin).TotalSeconds;
            var shares = record.RhythmShares(from, from + options.WindowLength.TotalSeconds);
            var majority = shares.Count == 0 ? ("", 0.0) : shares.MaxBy(s => s.Value) is var m ? (m.Key, m.Value) : default;
            yield return new LabelledWindow(record.Name, window, majority.Item1, majority.Item2);
        }
    }
}
