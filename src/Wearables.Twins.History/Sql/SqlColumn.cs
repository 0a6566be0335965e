namespace Wearables.Twins.History.Sql;

/// <summary>A result column: its name and DuckDB type (<c>VARCHAR</c>, <c>TIMESTAMP WITH TIME ZONE</c>, <c>DOUBLE[]</c>).</summary>
public sealed record SqlColumn(string Name, string Type);
