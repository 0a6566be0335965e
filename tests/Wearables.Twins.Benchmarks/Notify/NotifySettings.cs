using System.Globalization;

namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>What the detect-to-notify benchmark runs: how many patients, how fast their episodes arrive, how many streams.</summary>
internal sealed record NotifySettings
{
    /// <summary>Measured patients; each sends one atrial-fibrillation episode and should get one email.</summary>
    public int Patients { get; init; } = 40;

    /// <summary>Streams posting episodes side by side; each waits a random pause between its own posts.</summary>
    public int Concurrent { get; init; } = 1;

    /// <summary>Shortest pause between two posts of one stream.</summary>
    public int MinPauseMilliseconds { get; init; } = 250;

    /// <summary>Longest pause between two posts of one stream.</summary>
    public int MaxPauseMilliseconds { get; init; } = 750;

    /// <summary>Patients run first, one at a time and unreported, so the measurement sees a warm host and a warm smtp4dev.</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Seed of the pauses and of the tachograms.</summary>
    public int Seed { get; init; } = 6;

    /// <summary>How long after the last post the benchmark waits for the last email.</summary>
    public int TimeoutSeconds { get; init; } = 60;

    /// <summary>The markdown file whose notify section is rewritten; null to leave the docs alone.</summary>
    public string? DocsPath { get; init; }

    /// <summary>Problems with the settings, each naming its option; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Patients < 1)
        {
            errors.Add("--patients must be at least 1.");
        }

        if (Concurrent < 1)
        {
            errors.Add("--concurrent must be at least 1.");
        }

        if (MinPauseMilliseconds < 0 || MaxPauseMilliseconds < MinPauseMilliseconds)
        {
            errors.Add("--min-pause-ms must be at least 0 and --max-pause-ms at least --min-pause-ms.");
        }

        if (Warmup < 0)
        {
            errors.Add("--warmup must not be negative.");
        }

        if (TimeoutSeconds < 1)
        {
            errors.Add("--timeout-seconds must be at least 1.");
        }

        return errors;
    }

    /// <summary>The command line that reproduces this run, from the repository root.</summary>
    public string ReproduceCommand()
        => string.Create(CultureInfo.InvariantCulture,
            $"dotnet run -c Release --project tests/Wearables.Twins.Benchmarks -- notify --patients {Patients} --concurrent {Concurrent} " +
            $"--min-pause-ms {MinPauseMilliseconds} --max-pause-ms {MaxPauseMilliseconds} --warmup {Warmup} --seed {Seed}");
}
