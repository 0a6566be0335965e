using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Workers.Notifications;
using Wearables.Twins.Workers.Notifications.Email;
using Wearables.Twins.Workers.Notifications.Sms;

namespace Wearables.Twins.Campaigns.Delivery;

/// <summary>
/// Renders a campaign message in the patient's language. Every message carries the opt-out link: where the text does
/// not place <c>{opt_out_url}</c> itself, a short opt-out line is appended.
/// </summary>
public static class CampaignComposer
{
    // Encodes markup characters but leaves accented letters readable in the HTML source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static EmailMessage ComposeEmail(CampaignMessage message, string to, string? language)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (normalized, text) = Pick(message, language);
        var subject = CampaignPlaceholders.Render(text.Subject, message.CampaignName, message.OptOutUrl);
        var body = CampaignPlaceholders.Render(text.Text, message.CampaignName, message.OptOutUrl);
        if (!CampaignPlaceholders.UsesOptOutUrl(text.Text))
        {
            body += "\n\n" + EmailFooter(normalized, message.OptOutUrl);
        }

        return new EmailMessage(to, subject, body, ToHtml(body, message.OptOutUrl, normalized), normalized, message.MessageId + "/email");
    }

    public static SmsMessage ComposeSms(CampaignMessage message, string phoneNumber, string? language)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (normalized, text) = Pick(message, language);
        var body = CampaignPlaceholders.Render(text.Text, message.CampaignName, message.OptOutUrl);
        if (!CampaignPlaceholders.UsesOptOutUrl(text.Text))
        {
            body += " " + SmsFooter(normalized, message.OptOutUrl);
        }

        return new SmsMessage(phoneNumber, body, normalized, message.MessageId + "/sms");
    }

    private static (string Language, CampaignText Text) Pick(CampaignMessage message, string? language)
    {
        var normalized = NotificationTemplates.Normalize(language);
        return (normalized, message.Message.For(normalized));
    }

    private static string EmailFooter(string language, string url) => language == NotificationTemplates.BrazilianPortuguese
        ? $"Você recebe esta mensagem porque aceitou receber mensagens deste programa de saúde. Para não receber mais, acesse {url}"
        : $"You are receiving this because you agreed to messages from this health programme. To stop them, visit {url}";

    private static string SmsFooter(string language, string url)
        => language == NotificationTemplates.BrazilianPortuguese ? $"Para sair: {url}" : $"To stop: {url}";

    private static string ToHtml(string text, string optOutUrl, string language)
    {
        var link = Html.Encode(optOutUrl);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\"><body>\n");
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            var encoded = Html.Encode(paragraph).Replace("\n", "<br>\n", StringComparison.Ordinal)
                .Replace(link, $"<a href=\"{link}\">{link}</a>", StringComparison.Ordinal);
            html.Append("<p>").Append(encoded).Append("</p>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }
}
