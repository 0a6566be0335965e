namespace Wearables.Twins.Campaigns.Delivery;

/// <summary>The opt-out link of a message, from the configured template (<c>Twins:Campaigns:OptOutUrl</c>).</summary>
public static class OptOutLinks
{
    public const string CampaignIdPlaceholder = "{campaign_id}";
    public const string PatientIdPlaceholder = "{patient_id}";

    /// <summary>Why <paramref name="template"/> cannot be used, or null when it can.</summary>
    public static string? Problem(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return "is required: every campaign message carries an opt-out link (LGPD / GDPR).";
        }

        var probe = Build(template, "c", "p");
        return Uri.TryCreate(probe, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : $"must be an absolute http(s) URL, optionally with {CampaignIdPlaceholder} and {PatientIdPlaceholder} (was '{template}').";
    }

    public static string Build(string template, string campaignId, string patientId)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template
            .Replace(CampaignIdPlaceholder, Uri.EscapeDataString(campaignId), StringComparison.Ordinal)
            .Replace(PatientIdPlaceholder, Uri.EscapeDataString(patientId), StringComparison.Ordinal);
    }
}
