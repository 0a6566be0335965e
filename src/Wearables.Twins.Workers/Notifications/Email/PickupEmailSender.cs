using Microsoft.Extensions.Options;

namespace Wearables.Twins.Workers.Notifications.Email;

/// <summary>The embedded default: each email becomes an .eml file in a pickup folder (no mail server needed).</summary>
public sealed class PickupEmailSender : IEmailSender
{
    private readonly NotificationOptions _options;

    public PickupEmailSender(IOptions<NotificationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var mime = MimeMessages.Build(message, _options.Smtp);
        Directory.CreateDirectory(_options.PickupDirectory);
        var file = Path.Combine(_options.PickupDirectory, (mime.MessageId ?? throw new InvalidOperationException("No Message-ID.")).Split('@')[0] + ".eml");
        var temp = file + ".tmp";
        await mime.WriteToAsync(temp, cancellationToken);
        File.Move(temp, file, overwrite: true);
    }
}
