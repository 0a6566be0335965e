using Microsoft.Extensions.Options;

namespace Wearables.Twins.Ingest;

/// <summary>Reports every bad ingest limit at once, naming the setting.</summary>
public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxPayloadBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"{IngestOptions.Section}:MaxPayloadBytes must be between 1024 and 16777216 (was {options.MaxPayloadBytes}).");
        }

        if (options.MaxSamplesPerMessage is < 1 or > 100_000)
        {
            failures.Add($"{IngestOptions.Section}:MaxSamplesPerMessage must be between 1 and 100000 (was {options.MaxSamplesPerMessage}).");
        }

        if (options.MaxFutureSkew < TimeSpan.Zero)
        {
            failures.Add($"{IngestOptions.Section}:MaxFutureSkew must not be negative.");
        }

        if (options.MaxSampleAge <= TimeSpan.Zero)
        {
            failures.Add($"{IngestOptions.Section}:MaxSampleAge must be positive.");
        }

        if (options.CheckpointInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{IngestOptions.Section}:CheckpointInterval must be at least one second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
