namespace Wearables.Twins.Workers.Notifications.Sms;

/// <summary>The SMS provider seam: a file sink locally, SNS SMS in AWS.</summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
