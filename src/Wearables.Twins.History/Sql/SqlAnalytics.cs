using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Reading;
using Wearables.Twins.History.Schema;

namespace Wearables.Twins.History.Sql;

/// <summary>
/// Read-only SQL over the lake for <c>POST /api/v1/analytics/sql</c> and <c>twins sql</c>. Each query gets a fresh
/// in-memory DuckDB with the <see cref="LakeViews"/>, then the sandbox is closed and locked:
/// <list type="number">
/// <item>the text must be exactly one SELECT (or WITH … SELECT) statement: DuckDB's own parser decides, through
/// <c>json_serialize_sql</c>, which serialises only SELECT statements;</item>
/// <item><c>enable_external_access = false</c> with <c>allowed_directories</c> = the lake folder: no other file, no
/// ATTACH, no COPY elsewhere, no extension loading; <c>lock_configuration = true</c> so the query cannot undo it;</item>
/// <item>a row limit (the rest is cut and flagged) and a time limit (the query is interrupted).</item>
/// </list>
/// For the S3 target the views read the local mirror, which is brought up to date before each query (every object
/// is downloaded once); for large buckets query the same layout with Athena (docs/aws.md).
/// </summary>
public sealed class SqlAnalytics(LakeFiles files, IOptions<HistoryOptions> options)
{
    /// <summary>Runs a query with the configured limits.</summary>
    public Task<SqlResult> QueryAsync(string sql, CancellationToken cancellationToken = default)
        => QueryAsync(sql, new SqlLimits(options.Value.Sql.MaxRows, options.Value.Sql.Timeout), cancellationToken);

    public async Task<SqlResult> QueryAsync(string sql, SqlLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var text = (sql ?? string.Empty).Trim().TrimEnd(';').TrimEnd();
        if (text.Length == 0)
        {
            throw new SqlQueryException(SqlErrorKind.Rejected, "The query is empty; send one SELECT statement.");
        }

        if (files.IsMirror)
        {
            await files.ListAsync([LakePaths.TablePrefix], cancellationToken);
        }

        await using var connection = await OpenSandboxAsync(cancellationToken);
        await EnsureSingleSelectAsync(connection, text, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(limits.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var columns = await DescribeAsync(connection, text, linked.Token);
            using var command = connection.CreateCommand();
            command.CommandText = text;
            using var interrupt = linked.Token.Register(command.Cancel);
            var rows = new List<object?[]>();
            var truncated = false;
            using var reader = await command.ExecuteReaderAsync(linked.Token);
            while (await reader.ReadAsync(linked.Token))
            {
                if (rows.Count == limits.MaxRows)
                {
                    truncated = true;
                    break;
                }

                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = Normalize(reader.GetValue(i), columns[i].Type);
                }

                rows.Add(row);
            }

            return new SqlResult(columns, rows, truncated, stopwatch.Elapsed);
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            && ex is OperationCanceledException or DuckDBException)
        {
            throw new SqlQueryException(SqlErrorKind.Timeout, string.Create(CultureInfo.InvariantCulture,
                $"The query ran longer than {limits.Timeout.TotalSeconds:0.#} s and was interrupted."), innerException: ex);
        }
        catch (DuckDBException ex)
        {
            throw new SqlQueryException(SqlErrorKind.Invalid, ex.Message, innerException: ex);
        }
    }

    private async Task<DuckDBConnection> OpenSandboxAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Sql;
        var connection = await DuckDbLake.OpenAsync(settings.Threads, cancellationToken);
        try
        {
            var root = files.Root.EndsWith(Path.DirectorySeparatorChar) ? files.Root : files.Root + Path.DirectorySeparatorChar;
            await DuckDbLake.ExecuteAsync(connection, LakeViews.Create(files.Root), cancellationToken);
            await DuckDbLake.ExecuteAsync(connection, $"""
                SET memory_limit = {DuckDbLake.Literal(settings.MemoryLimit)};
                SET autoload_known_extensions = false;
                SET allowed_directories = [{DuckDbLake.Literal(root)}];
                SET enable_external_access = false;
                SET lock_configuration = true;
                """, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // DuckDB's parser is the judge: json_serialize_sql serialises SELECT statements only and reports parse errors with
    // their position, so "one statement, a SELECT" needs no home-made SQL parsing.
    private static async Task EnsureSingleSelectAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        // The function wants a constant, not a parameter; the text is quoted as a SQL string literal.
        command.CommandText = $"SELECT json_serialize_sql({DuckDbLake.Literal(sql)})";
        var json = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() ?? "invalid query" : "invalid query";
            int? position = root.TryGetProperty("position", out var p) && int.TryParse(p.GetString(), CultureInfo.InvariantCulture, out var at) ? at : null;
            var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
            if (type == "parser")
            {
                throw new SqlQueryException(SqlErrorKind.Invalid,
                    position is { } where ? $"Parser error at position {where}: {message}" : $"Parser error: {message}", position);
            }

            throw new SqlQueryException(SqlErrorKind.Rejected,
                "Only a single read-only SELECT (or WITH … SELECT) query is allowed; this is another kind of statement.");
        }

        var statements = root.GetProperty("statements").GetArrayLength();
        if (statements != 1)
        {
            throw new SqlQueryException(SqlErrorKind.Rejected,
                $"Only a single SELECT (or WITH … SELECT) query is allowed; got {statements} statements.");
        }
    }

    private static async Task<List<SqlColumn>> DescribeAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DESCRIBE " + sql;
        var columns = new List<SqlColumn>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(new SqlColumn(reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }

    private static object? Normalize(object? value, string type) => value switch
    {
        null or DBNull => null,
        DateTime time when type.StartsWith("TIMESTAMP WITH TIME ZONE", StringComparison.Ordinal)
            => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        string => value,
        System.Collections.IDictionary => value,
        System.Collections.IEnumerable items => items.Cast<object?>().Select(i => Normalize(i, string.Empty)).ToArray(),
        _ => value,
    };
}
