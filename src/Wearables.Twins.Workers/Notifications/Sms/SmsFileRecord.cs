namespace Wearables.Twins.Workers.Notifications.Sms;

/// <summary>One line of the SMS file sink.</summary>
public sealed record SmsFileRecord(string Id, string To, string Language, string Text, DateTimeOffset At);
