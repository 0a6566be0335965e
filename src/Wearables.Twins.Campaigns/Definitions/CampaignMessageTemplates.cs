using System.Text.Json.Serialization;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>The campaign's message in each language patients can choose (their contact preferences decide).</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.CampaignMessageTemplates")]
public sealed record CampaignMessageTemplates(
    [property: Id(0), JsonPropertyName("en")] CampaignText En,
    [property: Id(1), JsonPropertyName("pt-BR")] CampaignText PtBr)
{
    /// <summary>The text for a BCP 47 tag: any Portuguese tag gets pt-BR, anything else English (as notifications do).</summary>
    public CampaignText For(string? language)
        => language is not null && language.StartsWith("pt", StringComparison.OrdinalIgnoreCase) ? PtBr : En;
}
