namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>The answer to <see cref="ICampaignGrain.BeginRunAsync"/>: a ticket when <see cref="Outcome"/> is started.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.RunStart")]
public sealed record RunStart(
    [property: Id(0)] RunStartOutcome Outcome,
    [property: Id(1)] RunTicket? Ticket = null);
