namespace Wearables.Twins.Workers.Notifications.Email;

/// <summary>Hands an email to a mail system; completes once it was accepted.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
