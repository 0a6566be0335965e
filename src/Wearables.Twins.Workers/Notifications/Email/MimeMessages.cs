using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Wearables.Twins.Workers.Notifications.Email;

/// <summary>Builds the MIME message (text + HTML alternatives) shared by the SMTP and pickup senders.</summary>
internal static class MimeMessages
{
    public static MimeMessage Build(EmailMessage message, SmtpSettings settings)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;

        // Deterministic Message-ID: the same recommendation and channel always produce the same one.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..32];
        mime.MessageId = $"{hash}@wearables-twins";
        mime.Headers.Add("Content-Language", message.Language);
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
