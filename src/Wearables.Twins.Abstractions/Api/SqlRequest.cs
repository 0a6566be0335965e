namespace Wearables.Twins.Api.Views;

/// <summary>A read-only query over the history lake (<c>POST /api/v1/analytics/sql</c>): one SELECT over the views.</summary>
public sealed record SqlRequest(string? Sql);
