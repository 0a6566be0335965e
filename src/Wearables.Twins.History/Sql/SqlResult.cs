namespace Wearables.Twins.History.Sql;

/// <summary>
/// A query's answer. Values are CLR values: string, long, int, double, bool, decimal, <see cref="DateTimeOffset"/>
/// (UTC) for time-zone-aware timestamps, <see cref="DateTime"/>, <see cref="DateOnly"/>, object?[] for lists, null.
/// </summary>
/// <param name="Columns">Names and DuckDB types.</param>
/// <param name="Rows">At most the row limit.</param>
/// <param name="Truncated">True when the query had more rows than the limit.</param>
/// <param name="Elapsed">Time spent in DuckDB.</param>
public sealed record SqlResult(IReadOnlyList<SqlColumn> Columns, IReadOnlyList<object?[]> Rows, bool Truncated, TimeSpan Elapsed);
