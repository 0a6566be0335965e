using Microsoft.Extensions.Logging.Abstractions;
using Wearables.Twins.Security.Audit;

namespace Wearables.Twins.Security.Tests;

public sealed class SqliteAuditLogTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();

    private string DatabasePath => Path.Combine(_data.Root, "security", "audit.db");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ConcurrentAppendsAreAllDurableOnceTheyComplete()
    {
        const int Writers = 300;
        await using var log = new SqliteAuditLog(DatabasePath, NullLogger<SqliteAuditLog>.Instance);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(
            () => log.AppendAsync(Entry(T0.AddMilliseconds(i), "user-" + i, "patient-" + (i % 7), 200)))));

        // A second instance on the same file (as after a restart) sees every completed append, while the first is still open.
        await using var reopened = new SqliteAuditLog(DatabasePath, NullLogger<SqliteAuditLog>.Instance);
        var entries = await reopened.QueryAsync(new AuditQuery(null, null, null, null, Limit: 10_000));
        Assert.Equal(Writers, entries.Count);
        Assert.Equal(
            Enumerable.Range(0, Writers).Select(i => "user-" + i).Order(StringComparer.Ordinal),
            entries.Select(e => e.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EntriesRoundTripWithEveryField()
    {
        await using var log = new SqliteAuditLog(DatabasePath, NullLogger<SqliteAuditLog>.Instance);
        var refused = new AuditEntry(T0, "dr-ada", "clinician", "GET /api/v1/patients/{id}/vitals", "p1", "team-a", 403, "10.0.0.7", "not_in_your_care_teams");
        var anonymous = new AuditEntry(T0.AddSeconds(1), "anonymous", null, "GET /api/v1/audit", null, null, 401, null, null);

        await log.AppendAsync(refused);
        await log.AppendAsync(anonymous);

        Assert.Equal([anonymous, refused], await log.QueryAsync(new AuditQuery(null, null, null, null, 10)));
    }

    [Fact]
    public async Task QueryFiltersByPatientSubjectTimeRangeAndLimit_NewestFirst()
    {
        await using var log = new SqliteAuditLog(DatabasePath, NullLogger<SqliteAuditLog>.Instance);
        // Minute i: subjects alternate between two clinicians, patients cycle through three.
        var all = Enumerable.Range(0, 12)
            .Select(i => Entry(T0.AddMinutes(i), i % 2 == 0 ? "dr-ada" : "dr-bob", "p" + (i % 3), 200))
            .ToArray();
        foreach (var entry in all)
        {
            await log.AppendAsync(entry);
        }

        var newestFirst = all.OrderByDescending(e => e.At).ToArray();

        Assert.Equal(newestFirst, await log.QueryAsync(new AuditQuery(null, null, null, null, 100)));
        Assert.Equal(newestFirst.Where(e => e.PatientId == "p1"), await log.QueryAsync(new AuditQuery("p1", null, null, null, 100)));
        Assert.Equal(newestFirst.Where(e => e.Subject == "dr-bob"), await log.QueryAsync(new AuditQuery(null, "dr-bob", null, null, 100)));
        Assert.Equal(
            newestFirst.Where(e => e.PatientId == "p0" && e.Subject == "dr-ada"),
            await log.QueryAsync(new AuditQuery("p0", "dr-ada", null, null, 100)));

        // From is inclusive, To exclusive: minutes 3..7.
        Assert.Equal(
            newestFirst.Where(e => e.At >= T0.AddMinutes(3) && e.At < T0.AddMinutes(8)),
            await log.QueryAsync(new AuditQuery(null, null, T0.AddMinutes(3), T0.AddMinutes(8), 100)));
        Assert.Equal(newestFirst.Take(4), await log.QueryAsync(new AuditQuery(null, null, null, null, 4)));
        Assert.Equal(
            newestFirst.Where(e => e.Subject == "dr-ada" && e.At < T0.AddMinutes(9)).Take(2),
            await log.QueryAsync(new AuditQuery(null, "dr-ada", null, T0.AddMinutes(9), 2)));
        Assert.Empty(await log.QueryAsync(new AuditQuery("nobody", null, null, null, 100)));
    }

    [Fact]
    public async Task AppendAfterDisposeIsRefused()
    {
        var log = new SqliteAuditLog(DatabasePath, NullLogger<SqliteAuditLog>.Instance);
        await log.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => { _ = log.AppendAsync(Entry(T0, "dr-ada", "p1", 200)); });
    }

    private static AuditEntry Entry(DateTimeOffset at, string subject, string patientId, int status)
        => new(at, subject, "clinician", "GET /api/v1/patients/{id}", patientId, null, status, "127.0.0.1", null);
}
