using Wearables.Twins.Recommendations;
using Wearables.Twins.Workers.Notifications.Email;
using Wearables.Twins.Workers.Notifications.Sms;

namespace Wearables.Twins.Workers.Notifications;

/// <summary>Turns a recommendation into the words a patient reads, in their language, always framed as a screening signal.</summary>
public sealed class NotificationComposer
{
    private readonly NotificationTemplates _templates;

    public NotificationComposer(NotificationTemplates templates) => _templates = templates;

    public EmailMessage ComposeEmail(Recommendation recommendation, string to, string language)
    {
        var (pack, values) = Values(recommendation, language);
        return new EmailMessage(to, values["subject"],
            TemplateRenderer.Render(pack.EmailText, values, html: false),
            TemplateRenderer.Render(pack.EmailHtml, values, html: true),
            pack.Language, recommendation.Id + "/email");
    }

    public SmsMessage ComposeSms(Recommendation recommendation, string phoneNumber, string language)
    {
        var (pack, values) = Values(recommendation, language);
        return new SmsMessage(phoneNumber, TemplateRenderer.Render(pack.Sms, values, html: false), pack.Language, recommendation.Id + "/sms");
    }

    private (LanguagePack Pack, Dictionary<string, string> Values) Values(Recommendation recommendation, string language)
    {
        var pack = _templates.For(language);
        var kindValues = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = pack.Find("kind." + recommendation.Kind) ?? pack["kind.default"],
        };
        string Localized(string key) => TemplateRenderer.Render(pack[key], kindValues, html: false);

        // Free text from the risk engine is in the recommendation's language; in another language the
        // patient gets the pack's own sentence instead of a mixed-language message.
        var sameLanguage = NotificationTemplates.Normalize(recommendation.Language) == pack.Language;
        var transition = recommendation.TransitionCode;
        var action = recommendation.Transition == RecommendationTransition.Resolved
            ? pack["action.resolved"]
            : sameLanguage && !string.IsNullOrWhiteSpace(recommendation.SuggestedAction) ? recommendation.SuggestedAction : pack["action.default"];
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["subject"] = Localized("subject." + transition),
            ["headline"] = Localized("headline." + transition),
            ["greeting"] = pack["greeting"],
            ["severity_label"] = pack["severity_label"],
            ["severity"] = pack["severity." + recommendation.SeverityCode],
            ["evidence_label"] = pack["evidence_label"],
            ["evidence"] = sameLanguage && !string.IsNullOrWhiteSpace(recommendation.EvidenceSummary)
                ? recommendation.EvidenceSummary
                : pack["evidence.other_language"],
            ["action_label"] = pack["action_label"],
            ["action"] = action,
            ["disclaimer"] = pack["disclaimer"],
            ["sms_disclaimer"] = pack["sms_disclaimer"],
            ["urgent"] = recommendation.Severity == RecommendationSeverity.High && recommendation.Transition != RecommendationTransition.Resolved
                ? pack["urgent"]
                : string.Empty,
            ["footer"] = pack["footer"],
        };
        return (pack, values);
    }
}
