using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wearables.Twins.IntegrationTests.Infrastructure;
using Wearables.Twins.Testing;

namespace Wearables.Twins.IntegrationTests;

/// <summary>
/// The history lake through the real host: a backfill far older than the twin's window is still answered (from the
/// lake) as one series with the recent samples, SQL sees exactly what was accepted once even when it is resent, and
/// erasure leaves nothing of the patient in the twin, the lake or SQL.
/// </summary>
public sealed class HistoryLakeTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private TwinsHostProcess? _host;

    private TwinsHostProcess Host => _host ?? throw new InvalidOperationException("The host is not started.");

    // Flush the lake quickly so the test does not wait for the default 30 s age.
    public async Task InitializeAsync()
        => _host = await TwinsHostProcess.StartAsync(_data.Path, new Dictionary<string, string>
        {
            ["Twins:History:Writer:MaxAge"] = "00:00:01",
            ["Twins:Ingest:CheckpointInterval"] = "00:00:02",
        });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public async Task ABackfillOlderThanTheWindowIsAnsweredFromTheLakeAndCountedOnceInSql()
    {
        var (device, patient) = ($"{_run}-watch", $"{_run}-patient");
        await Host.Http.BindAsync(device, patient);

        // 600 heart rates a week ago (the twin keeps the latest 256), then 10 recent ones; all sent twice.
        var weekAgo = DateTimeOffset.UtcNow.AddDays(-7);
        weekAgo = new DateTimeOffset(weekAgo.Year, weekAgo.Month, weekAgo.Day, 8, 0, 0, TimeSpan.Zero);
        var old = Enumerable.Range(0, 600).Select(i => Envelopes.HeartRate(weekAgo.AddSeconds(30 * i), 60 + (i % 20))).ToArray();
        var recent = Enumerable.Range(0, 10).Select(i => Envelopes.HeartRate(DateTimeOffset.UtcNow.AddMinutes(-10 + i), 70)).ToArray();
        for (var copy = 0; copy < 2; copy++)
        {
            for (var i = 0; i < old.Length; i += 200)
            {
                var (status, _, _) = await Host.Http.PostTelemetryAsync(Envelopes.Json(device, $"old-{copy}-{i}", old[i..(i + 200)]));
                Assert.Equal(HttpStatusCode.Accepted, status);
            }

            Assert.Equal(HttpStatusCode.Accepted, (await Host.Http.PostTelemetryAsync(Envelopes.Json(device, $"recent-{copy}", recent))).Status);
        }

        var week = Uri.EscapeDataString(weekAgo.AddHours(-1).ToString("O", CultureInfo.InvariantCulture));
        var series = await Eventually.MatchesAsync(
            () => Host.Http.GetJsonAsync($"/api/v1/patients/{patient}/vitals?type=heart_rate&from={week}&limit=100000"),
            r => r.Status == HttpStatusCode.OK && r.Body.GetProperty("count").GetInt32() == 610,
            TimeSpan.FromSeconds(60), "610 samples across the lake and the twin");
        var times = series.Body.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("time").GetDateTimeOffset()).ToArray();
        Assert.Equal(times.Order(), times);

        var hourly = await Host.Http.GetJsonAsync($"/api/v1/patients/{patient}/vitals?type=heart_rate&from={week}&resolution=1h");
        Assert.Equal(HttpStatusCode.OK, hourly.Status);
        var buckets = hourly.Body.GetProperty("buckets").EnumerateArray().ToArray();
        Assert.Equal(610, buckets.Sum(b => b.GetProperty("count").GetInt64()));
        Assert.Equal(60, buckets[0].GetProperty("min").GetDouble());

        var count = await SqlAsync($"SELECT count(*) AS n FROM vitals WHERE patient_id = '{patient}' AND vital = 'heart_rate'");
        Assert.Equal(610, count.GetProperty("rows")[0][0].GetInt64());
    }

    [Fact]
    public async Task ErasureLeavesNoTraceInTheTwinTheLakeOrSql()
    {
        var (device, patient) = ($"{_run}-band", $"{_run}-erased");
        await Host.Http.BindAsync(device, patient);
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var samples = Enumerable.Range(0, 50).Select(i => Envelopes.SpO2(start.AddMinutes(i), 97)).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await Host.Http.PostTelemetryAsync(Envelopes.Json(device, "e-1", samples))).Status);
        await Eventually.MatchesAsync(
            () => SqlAsync($"SELECT count(*) FROM vitals WHERE patient_id = '{patient}'"),
            r => r.GetProperty("rows")[0][0].GetInt64() == 50, TimeSpan.FromSeconds(60), "the samples reaching the lake");

        using var response = await Host.Http.DeleteAsync(new Uri($"/api/v1/patients/{patient}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(50, receipt.GetProperty("lake").GetProperty("rowsRemoved").GetInt64());
        Assert.Equal([device], receipt.GetProperty("twin").GetProperty("wearablesUnbound").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Http.GetJsonAsync($"/api/v1/patients/{patient}")).Status);
        // Every Parquet file under the lake folder, not just the deduplicating view.
        var lake = Path.Combine(_data.Path, "lake");
        if (Directory.EnumerateFiles(lake, "*.parquet", SearchOption.AllDirectories).Any())
        {
            var files = Path.Combine(lake, "**", "*.parquet");
            var left = await SqlAsync($"SELECT count(*) FROM read_parquet('{files}', hive_partitioning = true, union_by_name = true) WHERE patient_id = '{patient}'");
            Assert.Equal(0, left.GetProperty("rows")[0][0].GetInt64());
        }
        var wearable = await Host.Http.GetJsonAsync($"/api/v1/wearables/{device}");
        Assert.False(wearable.Body.TryGetProperty("patientId", out var bound) && bound.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task BadSqlIsA400NamingTheProblemAndWritesAreRefused()
    {
        using var syntax = await Host.Http.PostAsJsonAsync("/api/v1/analytics/sql", new { sql = "SELEC 1" });
        Assert.Equal(HttpStatusCode.BadRequest, syntax.StatusCode);
        Assert.Equal("invalid_sql", (await syntax.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());

        using var write = await Host.Http.PostAsJsonAsync("/api/v1/analytics/sql", new { sql = "CREATE TABLE x AS SELECT 1" });
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        Assert.Equal("sql_rejected", (await write.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
    }

    private async Task<JsonElement> SqlAsync(string sql)
    {
        using var response = await Host.Http.PostAsJsonAsync("/api/v1/analytics/sql", new { sql });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }
}
