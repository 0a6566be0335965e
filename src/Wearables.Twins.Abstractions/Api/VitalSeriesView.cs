namespace Wearables.Twins.Api.Views;

/// <summary>Samples of one vital in a time range, oldest first.</summary>
public sealed record VitalSeriesView(
    string PatientId,
    string Type,
    string? Unit,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int Count,
    IReadOnlyList<VitalSampleView> Samples)
{
    /// <summary>True when more samples matched than <c>limit</c>: ask for a shorter range or a coarser resolution.</summary>
    public bool Truncated { get; init; }
}
