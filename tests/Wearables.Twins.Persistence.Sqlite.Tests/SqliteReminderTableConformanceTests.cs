using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Wearables.Twins.Persistence.Conformance;

namespace Wearables.Twins.Persistence.Sqlite.Tests;

/// <summary>The reminder table conformance suite against <see cref="SqliteReminderTable"/> over a temp file.</summary>
public sealed class SqliteReminderTableConformanceTests : ReminderTableConformance, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IReminderTable> CreateTableAsync(string serviceId) =>
        Task.FromResult<IReminderTable>(new SqliteReminderTable(
            Options.Create(new SqliteReminderTableOptions { DatabasePath = _directory.RemindersPath }),
            Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = "sqlite-reminder-tests" }),
            NullLogger<SqliteReminderTable>.Instance));

    protected override Task DeleteStoreAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _directory.Dispose();
}
