using System.Globalization;
using System.Text;
using System.Text.Json;
using Wearables.Twins.Cli.Tests.Infrastructure;

namespace Wearables.Twins.Cli.Tests;

/// <summary><c>twins risk</c> runs the engine locally, for clinicians trying it and for evaluation; no service involved.</summary>
public sealed class RiskCommandTests
{
    [Fact]
    public async Task News2_prints_each_parameter_and_the_aggregate_as_json()
    {
        var result = await TwinsCli.RunAsync("risk", "news2", "--rr", "22", "--spo2", "94", "--sbp", "105", "--pulse", "115",
            "--temp", "38.5", "--consciousness", "alert");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;

        // RCP 2017 chart: RR 22 → 2, SpO2 94 (scale 1) → 1, air → 0, SBP 105 → 1, pulse 115 → 2, alert → 0, 38.5 °C → 1.
        Assert.Equal(7, root.GetProperty("aggregate").GetInt32());
        Assert.Equal("high", root.GetProperty("band").GetString());
        var scores = root.GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("parameter").GetString()!, p => p.GetProperty("score").GetInt32());
        Assert.Equal(2, scores["respiration_rate"]);
        Assert.Equal(2, scores["pulse"]);
        Assert.Equal(1, scores["temperature"]);
    }

    [Fact]
    public async Task News2_lists_what_a_wearable_cannot_measure_as_missing()
    {
        var result = await TwinsCli.RunAsync("risk", "news2", "--spo2", "97", "--pulse", "72", "--temp", "36.8");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.True(root.GetProperty("partial").GetBoolean());
        var missing = root.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToArray();
        Assert.Contains("respiration_rate", missing);
        Assert.Contains("systolic_bp", missing);
    }

    [Fact]
    public async Task Rhythm_prints_one_line_per_two_minute_window_and_flags_an_irregular_one()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"rr-{Guid.NewGuid():N}.csv");
        var random = new Random(7);
        var text = new StringBuilder("t,rr_ms\n");
        var t = 0.0;
        while (t < 480)
        {
            // Four steady minutes, then four of the chaotic, beat-to-beat independent intervals of atrial fibrillation.
            var rr = t < 240 ? 850 + (random.NextDouble() * 20) : 450 + (random.NextDouble() * 600);
            t += rr / 1000;
            text.Append(CultureInfo.InvariantCulture, $"{t:0.000},{rr:0}\n");
        }

        await File.WriteAllTextAsync(csv, text.ToString());
        try
        {
            var result = await TwinsCli.RunAsync("risk", "rhythm", "--rr-csv", csv);

            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            var windows = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.True(windows.Length >= 3, result.Stdout);
            Assert.False(windows[0].GetProperty("irregular").GetBoolean());
            Assert.Equal("good", windows[0].GetProperty("signal_quality").GetString());
            Assert.Contains(windows.Skip(2), w => w.GetProperty("irregular").GetBoolean());
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public async Task Rhythm_says_which_file_is_missing()
    {
        var result = await TwinsCli.RunAsync("risk", "rhythm", "--rr-csv", "/nonexistent/rr.csv");

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.Contains("/nonexistent/rr.csv", result.Stderr, StringComparison.Ordinal);
    }
}
