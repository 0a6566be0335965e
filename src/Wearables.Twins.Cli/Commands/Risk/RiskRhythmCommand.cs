using System.CommandLine;
using System.Text.Json;
using Wearables.Twins.Risk.Rhythm;

namespace Wearables.Twins.Cli.Commands.Risk;

/// <summary>
/// <c>twins risk rhythm --rr-csv FILE</c>: screens RR intervals for an irregular rhythm per 2-minute window and prints
/// one JSON line per window (start in the file's seconds, beats, features, irregular, signal quality).
/// </summary>
internal sealed class RiskRhythmCommand : TwinsCommand
{
    private readonly Option<FileInfo> _csv = new("--rr-csv")
    {
        Description = "CSV with a header and the columns t (seconds) and rr_ms.",
        HelpName = "file",
        Required = true,
    };

    public RiskRhythmCommand(CliRuntime runtime)
        : base("rhythm", "Screen RR intervals for an irregular rhythm (possible AF) per 2-minute window; one JSON line per window.", runtime)
    {
        Options.Add(_csv);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var file = context.Parse.GetRequiredValue(_csv);
        var (times, rr) = await RrCsvReader.ReadAsync(file.FullName, cancellationToken);
        foreach (var window in RhythmAnalyzer.AnalyzeStream(DateTimeOffset.UnixEpoch, times, rr))
        {
            var f = window.Features;
            var output = new RhythmWindowOutput(
                (window.Start - DateTimeOffset.UnixEpoch).TotalSeconds,
                window.BeatCount,
                window.UsedBeats,
                new RhythmFeaturesOutput(Round(f.MeanRrMs), Round(f.Rmssd), Round(f.NormalizedRmssd), Round(f.TurningPointRatio),
                    Round(f.ShannonEntropy), Round(f.SampleEntropy), Round(f.Cosen)),
                window.Irregular,
                window.Quality switch
                {
                    SignalQuality.Good => "good",
                    SignalQuality.Noisy => "noisy",
                    _ => "insufficient_beats",
                });
            context.Output.Line(JsonSerializer.Serialize(output, RiskCliJsonContext.Default.RhythmWindowOutput));
        }

        return ExitCodes.Success;
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);
}
