namespace Wearables.Twins.History.Sql;

/// <summary>Why a query was not answered.</summary>
public enum SqlErrorKind
{
    /// <summary>Not a single read-only SELECT/WITH query.</summary>
    Rejected,

    /// <summary>DuckDB could not parse or bind it (syntax error, unknown column, forbidden file access).</summary>
    Invalid,

    /// <summary>It ran past the time limit and was interrupted.</summary>
    Timeout,
}
