using Wearables.Twins.Messaging.Aws;

namespace Wearables.Twins.Workers.Notifications.Sms;

/// <summary>SMS in AWS: SNS <c>Publish</c> with <c>PhoneNumber</c> (signed Query request), sent as transactional.</summary>
public sealed class SnsSmsSender : ISmsSender
{
    private readonly SnsQueryClient _sns;

    public SnsSmsSender(SnsQueryClient sns) => _sns = sns;

    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _sns.PublishSmsAsync(message.PhoneNumber, message.Text,
            [new("AWS.SNS.SMS.SMSType", "Transactional")], cancellationToken);
    }
}
