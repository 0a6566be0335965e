namespace Wearables.Twins.Import.Jobs;

/// <summary>Imports (<c>Twins:Import:*</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "Twins:Import";

    /// <summary>Where uploads wait while they are imported; defaults to <c>{DataDirectory}/imports</c>.</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>Largest upload accepted (Apple exports reach several GB).</summary>
    public long MaxUploadBytes { get; set; } = 8L * 1024 * 1024 * 1024;

    /// <summary>Imports running at once; more wait in the queue.</summary>
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>Finished jobs whose reports are kept for status requests (the oldest are forgotten first).</summary>
    public int FinishedJobsKept { get; set; } = 200;
}
