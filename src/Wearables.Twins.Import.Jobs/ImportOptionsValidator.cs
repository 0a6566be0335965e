using Microsoft.Extensions.Options;

namespace Wearables.Twins.Import.Jobs;

/// <summary>Reports every bad import setting at once, naming the setting.</summary>
public sealed class ImportOptionsValidator : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{ImportOptions.Section}:Directory is required.");
        }

        if (options.MaxUploadBytes < 1024)
        {
            failures.Add($"{ImportOptions.Section}:MaxUploadBytes must be at least 1024.");
        }

        if (options.MaxConcurrentJobs is < 1 or > 64)
        {
            failures.Add($"{ImportOptions.Section}:MaxConcurrentJobs must be between 1 and 64.");
        }

        if (options.FinishedJobsKept < 1)
        {
            failures.Add($"{ImportOptions.Section}:FinishedJobsKept must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
