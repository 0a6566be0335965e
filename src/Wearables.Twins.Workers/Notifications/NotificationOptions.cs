using MailKit.Security;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Workers.Notifications;

/// <summary>The notification worker (<c>Twins:Notifications</c>). Secrets (SMTP password) come from environment or a secret store, never from files in the repo.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Twins:Notifications";

    /// <summary>Whether this process runs the notification worker. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Its consumer queue. Default <c>notifications</c>.</summary>
    public string Queue { get; set; } = "notifications";

    /// <summary>Least severe recommendation that reaches patients (the queue filter). Default <c>Low</c>.</summary>
    public RecommendationSeverity MinimumSeverity { get; set; } = RecommendationSeverity.Low;

    /// <summary>Whether patients hear that a signal resolved. Default true.</summary>
    public bool NotifyOnResolved { get; set; } = true;

    /// <summary>Most notifications one recipient (address) gets per <see cref="RateLimitWindow"/>; more wait for a free slot. Default 4.</summary>
    public int MaxPerRecipient { get; set; } = 4;

    /// <summary>Window of the per-recipient rate limit. Default 24 hours.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary><c>Pickup</c> (default: .eml files under the data directory) or <c>Smtp</c>.</summary>
    public EmailTransportKind EmailTransport { get; set; } = EmailTransportKind.Pickup;

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Where .eml files go with the pickup transport. Default <c>{DataDirectory}/notifications/pickup</c>.</summary>
    public string PickupDirectory { get; set; } = string.Empty;

    /// <summary><c>File</c> (default: JSON lines under the data directory) or <c>Sns</c> (SNS SMS Publish).</summary>
    public SmsProviderKind SmsProvider { get; set; } = SmsProviderKind.File;

    /// <summary>The SMS file sink. Default <c>{DataDirectory}/notifications/sms.jsonl</c>.</summary>
    public string SmsFilePath { get; set; } = string.Empty;

    /// <summary>Contact preferences database. Default <c>{DataDirectory}/notifications/contacts.db</c>.</summary>
    public string ContactsDatabasePath { get; set; } = string.Empty;

    /// <summary>Delivery ledger (idempotency and rate limits). Default <c>{DataDirectory}/notifications/deliveries.db</c>.</summary>
    public string LedgerDatabasePath { get; set; } = string.Empty;
}

/// <summary>How email leaves the service.</summary>
public enum EmailTransportKind
{
    Pickup = 0,
    Smtp = 1,
}

/// <summary>How SMS leaves the service.</summary>
public enum SmsProviderKind
{
    File = 0,
    Sns = 1,
}

/// <summary>SMTP server (Amazon SES's SMTP interface in AWS: email-smtp.REGION.amazonaws.com, 587, StartTls).</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    /// <summary>MailKit's <see cref="SecureSocketOptions"/>: <c>StartTls</c> (default), <c>SslOnConnect</c>, <c>Auto</c> or <c>None</c> (local servers only).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>SMTP user (SES SMTP credentials); unset for servers without authentication.</summary>
    public string? Username { get; set; }

    /// <summary>SMTP password: set it through the environment (<c>Twins__Notifications__Smtp__Password</c>) or a secret store.</summary>
    public string? Password { get; set; }

    /// <summary>Sender address (an SES-verified identity in AWS).</summary>
    public string FromAddress { get; set; } = "no-reply@wearables-twins.local";

    public string FromName { get; set; } = "Wearables Twins";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
