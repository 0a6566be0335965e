using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Wearables.Twins.Campaigns.Delivery;

namespace Wearables.Twins.Campaigns.Options;

/// <summary>Checks <see cref="CampaignOptions"/> at start-up and names every bad setting at once.</summary>
public sealed partial class CampaignOptionsValidator : IValidateOptions<CampaignOptions>
{
    private const string S = CampaignOptions.Section;

    public ValidateOptionsResult Validate(string? name, CampaignOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxMessagesPerPatientPer7Days is < 1 or > 100)
        {
            failures.Add($"{S}:MaxMessagesPerPatientPer7Days must be 1–100 (was {options.MaxMessagesPerPatientPer7Days}).");
        }

        if (OptOutLinks.Problem(options.OptOutUrl) is { } problem)
        {
            failures.Add($"{S}:OptOutUrl {problem}");
        }

        if (options.SchedulerInterval < TimeSpan.FromSeconds(1) || options.SchedulerInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{S}:SchedulerInterval must be between 00:00:01 and 01:00:00 (was {options.SchedulerInterval}).");
        }

        if (options.RunLease < TimeSpan.FromMinutes(1))
        {
            failures.Add($"{S}:RunLease must be at least 00:01:00 (was {options.RunLease}).");
        }

        if (options.RunConcurrency is < 1 or > 256)
        {
            failures.Add($"{S}:RunConcurrency must be 1–256 (was {options.RunConcurrency}).");
        }

        if (options.MaxCohortSize < 1)
        {
            failures.Add($"{S}:MaxCohortSize must be at least 1 (was {options.MaxCohortSize}).");
        }

        if (options.MembershipShards is < 1 or > 1024)
        {
            failures.Add($"{S}:MembershipShards must be 1–1024 (was {options.MembershipShards}).");
        }

        foreach (var (setting, queue) in new[] { ("FindingsQueue", options.FindingsQueue), ("DeliveryQueue", options.DeliveryQueue) })
        {
            if (queue is null || !QueueName().IsMatch(queue))
            {
                failures.Add($"{S}:{setting} must be 1–60 letters, digits, '-' or '_' (was '{queue}').");
            }
        }

        if (string.Equals(options.FindingsQueue, options.DeliveryQueue, StringComparison.Ordinal))
        {
            failures.Add($"{S}:FindingsQueue and {S}:DeliveryQueue must differ.");
        }

        if (options.DeliveryConcurrency is < 1 or > 64)
        {
            failures.Add($"{S}:DeliveryConcurrency must be 1–64 (was {options.DeliveryConcurrency}).");
        }

        if (options.QueryThreads is < 1 or > 64)
        {
            failures.Add($"{S}:QueryThreads must be 1–64 (was {options.QueryThreads}).");
        }

        if (string.IsNullOrWhiteSpace(options.QueryMemoryLimit) || !MemoryLimit().IsMatch(options.QueryMemoryLimit))
        {
            failures.Add($"{S}:QueryMemoryLimit must be a size such as 512MB or 2GB (was '{options.QueryMemoryLimit}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,60}$")]
    private static partial Regex QueueName();

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)?\\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", RegexOptions.IgnoreCase)]
    private static partial Regex MemoryLimit();
}
