namespace Wearables.Twins.Workers.Notifications.Sms;

/// <summary>One text message to an E.164 number.</summary>
public sealed record SmsMessage(string PhoneNumber, string Text, string Language, string IdempotencyKey);
