namespace Wearables.Twins.History.Sql;

/// <summary>Row and time limits of one query.</summary>
public sealed record SqlLimits(int MaxRows, TimeSpan Timeout);
