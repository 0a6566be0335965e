namespace Wearables.Twins.Cli.Commands.Risk;

/// <summary>One NEWS2 row as printed: the value as charted and its score.</summary>
internal sealed record News2ParameterOutput(string Parameter, double Value, int Score);

/// <summary>What <c>twins risk news2</c> prints.</summary>
internal sealed record News2Output(
    IReadOnlyList<News2ParameterOutput> Parameters,
    int Aggregate,
    string Band,
    bool Partial,
    IReadOnlyList<string> Missing,
    int Spo2Scale,
    string Note);

/// <summary>Features of one window as printed; null when the window was not usable.</summary>
internal sealed record RhythmFeaturesOutput(
    double? MeanRrMs, double? Rmssd, double? NormalizedRmssd, double? TurningPointRatio, double? ShannonEntropy, double? SampleEntropy, double? Cosen);

/// <summary>One line of <c>twins risk rhythm</c>: a 2-minute window.</summary>
internal sealed record RhythmWindowOutput(
    double WindowStart, int BeatCount, int UsedBeats, RhythmFeaturesOutput Features, bool Irregular, string SignalQuality);
