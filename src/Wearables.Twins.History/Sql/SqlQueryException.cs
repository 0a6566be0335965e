namespace Wearables.Twins.History.Sql;

/// <summary>A query the lake would not or could not answer; the message is DuckDB's own where it has one.</summary>
public sealed class SqlQueryException : Exception
{
    public SqlQueryException()
    {
    }

    public SqlQueryException(string message)
        : base(message)
    {
    }

    public SqlQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SqlQueryException(SqlErrorKind kind, string message, int? position = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Position = position;
    }

    public SqlErrorKind Kind { get; }

    /// <summary>Zero-based character offset in the query where the parser stopped, when DuckDB reports one.</summary>
    public int? Position { get; }
}
