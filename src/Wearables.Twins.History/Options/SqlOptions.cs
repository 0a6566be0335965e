namespace Wearables.Twins.History.Options;

/// <summary>Limits of the SQL endpoint and command (<c>Twins:History:Sql</c>).</summary>
public sealed class SqlOptions
{
    /// <summary>Most rows a query returns; more are cut and the result says it was truncated.</summary>
    public int MaxRows { get; set; } = 10_000;

    /// <summary>A query running longer is interrupted.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>DuckDB memory limit per query, e.g. "1GB".</summary>
    public string MemoryLimit { get; set; } = "1GB";

    /// <summary>DuckDB worker threads per query.</summary>
    public int Threads { get; set; } = 2;
}
