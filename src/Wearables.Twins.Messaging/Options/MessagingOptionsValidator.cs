using System.Globalization;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Messaging;

/// <summary>Reports every bad messaging setting at once, each naming its configuration key.</summary>
public sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string s = MessagingOptions.Section;
        if (!Enum.IsDefined(options.Transport))
        {
            failures.Add($"{s}:Transport must be Embedded or Aws.");
        }

        if (options.Transport == MessagingTransportKind.Embedded)
        {
            var e = options.Embedded;
            if (string.IsNullOrWhiteSpace(e.DatabasePath))
            {
                failures.Add($"{s}:Embedded:DatabasePath is required (it defaults to {{DataDirectory}}/messaging/queues.db).");
            }

            if (e.MaxQueueDepth < 1)
            {
                failures.Add(Invariant($"{s}:Embedded:MaxQueueDepth must be at least 1 (was {e.MaxQueueDepth})."));
            }

            if (e.MaxDeadLetters < 1)
            {
                failures.Add(Invariant($"{s}:Embedded:MaxDeadLetters must be at least 1 (was {e.MaxDeadLetters})."));
            }

            if (e.DeadLetterRetention <= TimeSpan.Zero)
            {
                failures.Add($"{s}:Embedded:DeadLetterRetention must be positive.");
            }

            if (e.PollInterval < TimeSpan.FromMilliseconds(10) || e.PollInterval > TimeSpan.FromSeconds(20))
            {
                failures.Add($"{s}:Embedded:PollInterval must be between 10 ms and 20 s.");
            }
        }
        else
        {
            var a = options.Aws;
            if (string.IsNullOrWhiteSpace(a.Region))
            {
                failures.Add($"{s}:Aws:Region is required, e.g. sa-east-1.");
            }

            if (string.IsNullOrWhiteSpace(a.TopicArn) && string.IsNullOrWhiteSpace(a.TopicName))
            {
                failures.Add($"{s}:Aws:TopicName or {s}:Aws:TopicArn is required.");
            }

            if (string.IsNullOrWhiteSpace(a.TopicArn) && !a.Provision)
            {
                failures.Add($"{s}:Aws:TopicArn is required when {s}:Aws:Provision is false.");
            }

            if (a.ServiceUrl is { IsAbsoluteUri: false })
            {
                failures.Add($"{s}:Aws:ServiceUrl must be an absolute URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
