namespace Wearables.Twins.Workers.Notifications.Email;

/// <summary>One rendered email. <see cref="IdempotencyKey"/> becomes its Message-ID, so a resend is recognisable downstream too.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody, string Language, string IdempotencyKey);
