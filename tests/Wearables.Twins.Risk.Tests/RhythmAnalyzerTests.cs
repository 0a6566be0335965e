using Wearables.Twins.Risk.Rhythm;

namespace Wearables.Twins.Risk.Tests;

public class RhythmAnalyzerTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UnixEpoch;

    private static double[] Sinus(int beats, double meanMs, int seed, double ectopicRate = 0)
    {
        var random = new Random(seed);
        var rr = new List<double>();
        for (var i = 0; rr.Count < beats; i++)
        {
            var interval = meanMs * (1 + (0.04 * Math.Sin(i / 4.0)) + ((random.NextDouble() - 0.5) * 0.03));
            if (random.NextDouble() < ectopicRate)
            {
                rr.Add(interval * 0.7);
                interval *= 1.3;
            }

            rr.Add(interval);
        }

        return [.. rr];
    }

    private static double[] Fibrillation(int beats, double meanMs, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, beats).Select(_ => meanMs * (0.6 + (0.8 * random.NextDouble())))];
    }

    private static RhythmWindow Analyze(double[] rr) => RhythmAnalyzer.Analyze(Start, rr, new double[2 * rr.Length]);

    [Fact]
    public void Sinus_rhythm_with_normal_variability_is_regular()
    {
        var window = Analyze(Sinus(120, 1000, 1));
        Assert.Equal(SignalQuality.Good, window.Quality);
        Assert.False(window.Irregular);
        Assert.InRange(window.Features.NormalizedRmssd, 0, 0.1);
    }

    [Fact]
    public void Irregularly_irregular_intervals_are_irregular_with_high_entropy()
    {
        var window = Analyze(Fibrillation(180, 650, 2));
        Assert.Equal(SignalQuality.Good, window.Quality);
        Assert.True(window.Irregular);
        Assert.InRange(window.Features.TurningPointRatio, 0.55, 0.8);
        Assert.True(window.Features.ShannonEntropy > 0.8);
    }

    [Fact]
    public void Premature_beats_with_compensatory_pauses_are_filtered_out()
    {
        var window = Analyze(Sinus(120, 900, 3, ectopicRate: 0.08));
        Assert.False(window.Irregular);
        Assert.True(window.UsedBeats < window.BeatCount);
    }

    [Fact]
    public void Too_few_beats_are_not_judged()
    {
        var window = Analyze(Fibrillation(30, 650, 4));
        Assert.Equal(SignalQuality.InsufficientBeats, window.Quality);
        Assert.False(window.Irregular);
    }

    [Fact]
    public void Many_implausible_intervals_make_the_window_noisy()
    {
        var rr = Sinus(120, 800, 5);
        for (var i = 0; i < rr.Length; i += 4)
        {
            rr[i] = 100;
        }

        Assert.Equal(SignalQuality.Noisy, Analyze(rr).Quality);
    }

    [Fact]
    public void A_stream_is_split_into_aligned_two_minute_windows()
    {
        var rr = Sinus(400, 1000, 6);
        var times = new double[rr.Length];
        var t = 0.0;
        for (var i = 0; i < rr.Length; i++)
        {
            t += rr[i] / 1000;
            times[i] = t;
        }

        var windows = RhythmAnalyzer.AnalyzeStream(Start, times, rr);
        Assert.Equal([0.0, 120, 240, 360], windows.Select(w => (w.Start - Start).TotalSeconds).Take(4));
        Assert.Equal(rr.Length, windows.Sum(w => w.BeatCount));
    }
}
