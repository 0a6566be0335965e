using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Workers.Alerts;

/// <summary>Every bad care-team alert setting at once, each naming its key.</summary>
public sealed partial class CareTeamAlertOptionsValidator : IValidateOptions<CareTeamAlertOptions>
{
    public ValidateOptionsResult Validate(string? name, CareTeamAlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        const string s = CareTeamAlertOptions.Section;
        var failures = new List<string>();
        foreach (var (key, queue) in new[] { ("Queue", options.Queue), ("EscalationQueue", options.EscalationQueue) })
        {
            if (queue is null || !QueueName().IsMatch(queue))
            {
                failures.Add($"{s}:{key} must be 1-60 letters, digits, '-' or '_' (it becomes an SQS queue name).");
            }
        }

        if (string.Equals(options.Queue, options.EscalationQueue, StringComparison.Ordinal))
        {
            failures.Add($"{s}:Queue and {s}:EscalationQueue must differ: they carry different messages.");
        }

        if (!Enum.IsDefined(options.MinimumSeverity))
        {
            failures.Add($"{s}:MinimumSeverity must be one of {string.Join(", ", Enum.GetNames<RecommendationSeverity>())}.");
        }

        if (options.DefaultTeamId is not null && !TeamId().IsMatch(options.DefaultTeamId))
        {
            failures.Add($"{s}:DefaultTeamId must be 1-128 letters, digits, '.', '_', ':' or '-', or left unset.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,60}$")]
    private static partial Regex QueueName();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex TeamId();
}
