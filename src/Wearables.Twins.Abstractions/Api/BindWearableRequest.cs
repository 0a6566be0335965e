namespace Wearables.Twins.Api.Views;

/// <summary>Body of <c>PUT /api/v1/wearables/{id}/patient</c>.</summary>
public sealed record BindWearableRequest(string? PatientId);
