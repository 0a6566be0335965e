using System.Net.Mail;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Workers.Notifications;

/// <summary>Every bad notification setting at once, each naming its key.</summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string s = NotificationOptions.Section;
        var failures = new List<string>();
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.MaxPerRecipient < 1)
        {
            failures.Add($"{s}:MaxPerRecipient must be at least 1.");
        }

        if (options.RateLimitWindow <= TimeSpan.Zero)
        {
            failures.Add($"{s}:RateLimitWindow must be positive.");
        }

        if (!MailAddress.TryCreate(options.Smtp.FromAddress, out _))
        {
            failures.Add($"{s}:Smtp:FromAddress must be an email address.");
        }

        if (options.EmailTransport == EmailTransportKind.Smtp)
        {
            if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            {
                failures.Add($"{s}:Smtp:Host is required when {s}:EmailTransport is Smtp (e.g. email-smtp.sa-east-1.amazonaws.com).");
            }

            if (options.Smtp.Port is < 1 or > 65535)
            {
                failures.Add($"{s}:Smtp:Port must be between 1 and 65535.");
            }

            if (string.IsNullOrEmpty(options.Smtp.Username) != string.IsNullOrEmpty(options.Smtp.Password))
            {
                failures.Add($"{s}:Smtp:Username and {s}:Smtp:Password go together (set the password through the environment).");
            }

            if (!string.IsNullOrEmpty(options.Smtp.Password) && options.Smtp.Security == SecureSocketOptions.None)
            {
                failures.Add($"{s}:Smtp:Security is None but credentials are set: they would cross the network in clear.");
            }
        }

        foreach (var (key, value) in new[]
        {
            ("ContactsDatabasePath", options.ContactsDatabasePath), ("LedgerDatabasePath", options.LedgerDatabasePath),
            ("SmsFilePath", options.SmsFilePath), ("PickupDirectory", options.PickupDirectory),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{s}:{key} is required (it defaults to a path under Twins:DataDirectory).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
