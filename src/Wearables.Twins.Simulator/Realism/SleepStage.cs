namespace Wearables.Twins.Simulator.Realism;

/// <summary>Sleep stages a wearable reports; the wire names are the catalogue's categories.</summary>
public enum SleepStage
{
    Awake,
    Light,
    Deep,
    Rem,
}

/// <summary>Maps <see cref="SleepStage"/> to the catalogue's category names.</summary>
public static class SleepStageNames
{
    public static string ToWireName(this SleepStage stage) => stage switch
    {
        SleepStage.Awake => "awake",
        SleepStage.Light => "light",
        SleepStage.Deep => "deep",
        SleepStage.Rem => "rem",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown sleep stage."),
    };
}
