namespace Wearables.Twins.CareTeams.Views;

/// <summary>Body of the acknowledge and resolve endpoints: who acts, and for a resolution an optional note.</summary>
public sealed record AlertActionRequest(string? By, string? Note);
