using System.Text;
using System.Text.Json;
using Wearables.Twins.History.Sql;

namespace Wearables.Twins.History.Tests;

public sealed class SqlAnalyticsTests : IAsyncLifetime
{
    private LakeHost _lake = null!;

    public async Task InitializeAsync()
    {
        _lake = LakeHost.Local();
        await _lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(Samples.Start, 10, TimeSpan.FromSeconds(1)));
        await _lake.Writer.FlushAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _lake.DisposeAsync();

    [Theory]
    [InlineData("CREATE TABLE t AS SELECT 1")]
    [InlineData("INSERT INTO t VALUES (1)")]
    [InlineData("COPY (SELECT * FROM vitals) TO 'out.csv'")]
    [InlineData("ATTACH 'other.db'")]
    [InlineData("SET enable_external_access = true")]
    [InlineData("PRAGMA database_list")]
    [InlineData("INSTALL httpfs")]
    [InlineData("SELECT 1; DROP VIEW vitals")]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("   ")]
    public async Task Anything_but_one_select_is_rejected(string sql)
    {
        var error = await Assert.ThrowsAsync<SqlQueryException>(() => _lake.Sql.QueryAsync(sql));

        Assert.Equal(SqlErrorKind.Rejected, error.Kind);
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT * FROM read_text('/etc/hostname')")]
    [InlineData("SELECT * FROM query('CREATE TABLE x AS SELECT 1')")]
    public async Task A_select_cannot_reach_files_outside_the_lake_or_change_anything(string sql)
    {
        var error = await Assert.ThrowsAsync<SqlQueryException>(() => _lake.Sql.QueryAsync(sql));

        Assert.Equal(SqlErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public async Task A_syntax_error_names_the_position()
    {
        var error = await Assert.ThrowsAsync<SqlQueryException>(() => _lake.Sql.QueryAsync("SELECT * FROM vitals WHERE"));

        Assert.Equal(SqlErrorKind.Invalid, error.Kind);
        Assert.Equal(26, error.Position);
        Assert.Contains("position 26", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_column_gets_duckdbs_message()
    {
        var error = await Assert.ThrowsAsync<SqlQueryException>(() => _lake.Sql.QueryAsync("SELECT pulse FROM vitals"));

        Assert.Equal(SqlErrorKind.Invalid, error.Kind);
        Assert.Contains("pulse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_beyond_the_limit_are_cut_and_flagged()
    {
        var result = await _lake.Sql.QueryAsync("SELECT * FROM vitals ORDER BY time", new SqlLimits(3, TimeSpan.FromSeconds(30)));

        Assert.Equal(3, result.Rows.Count);
        Assert.True(result.Truncated);
        Assert.False((await _lake.Sql.QueryAsync("SELECT * FROM vitals", new SqlLimits(10, TimeSpan.FromSeconds(30)))).Truncated);
    }

    [Fact]
    public async Task A_query_past_the_time_limit_is_interrupted()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<SqlQueryException>(() => _lake.Sql.QueryAsync(
            "SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3", new SqlLimits(10, TimeSpan.FromMilliseconds(300))));

        Assert.Equal(SqlErrorKind.Timeout, error.Kind);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task Results_carry_names_and_duckdb_types_and_serialise_to_json_and_csv()
    {
        var result = await _lake.Sql.QueryAsync("WITH t AS (SELECT * FROM vitals) SELECT patient_id, time, value, series, date FROM t ORDER BY time LIMIT 2");

        Assert.Equal(
            [new SqlColumn("patient_id", "VARCHAR"), new SqlColumn("time", "TIMESTAMP WITH TIME ZONE"), new SqlColumn("value", "DOUBLE"),
             new SqlColumn("series", "DOUBLE[]"), new SqlColumn("date", "DATE")],
            result.Columns);
        Assert.Equal(Samples.Start, Assert.IsType<DateTimeOffset>(result.Rows[0][1]));

        using var json = new MemoryStream();
        await SqlResultWriter.WriteJsonAsync(result, json);
        using var document = JsonDocument.Parse(json.ToArray());
        Assert.Equal(2, document.RootElement.GetProperty("rowCount").GetInt32());
        Assert.Equal("2026-11-27T13:00:00+00:00", document.RootElement.GetProperty("rows")[0][1].GetString());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("rows")[0][3].ValueKind);

        var csv = new StringBuilder();
        await using (var writer = new StringWriter(csv))
        {
            await SqlResultWriter.WriteCsvAsync(result, writer);
        }

        Assert.StartsWith("patient_id,time,value,series,date\np1,2026-11-27T13:00:00+00:00,60,,2026-11-27\n", csv.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_lake_still_has_every_view()
    {
        await using var empty = LakeHost.Local();
        foreach (var view in LakeViews.Names)
        {
            var result = await empty.Sql.QueryAsync($"SELECT * FROM {view}");
            Assert.Empty(result.Rows);
        }
    }
}
