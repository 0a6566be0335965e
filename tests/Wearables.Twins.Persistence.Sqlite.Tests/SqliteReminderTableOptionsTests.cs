using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Wearables.Twins.Persistence.Sqlite.Tests;

/// <summary>Bad reminder table settings stop the silo at start-up, with every problem named by its setting.</summary>
public sealed class SqliteReminderTableOptionsTests
{
    [Fact]
    public async Task Settings_bound_from_configuration_fail_silo_host_start_naming_every_bad_setting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twins:Reminders:Sqlite:DatabasePath"] = ":memory:",
            ["Twins:Reminders:Sqlite:BusyTimeout"] = "-00:00:01",
        });
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .UseSqliteReminderService(builder.Configuration.GetSection("Twins:Reminders:Sqlite")));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("The SQLite reminder table is misconfigured", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twins:Reminders:Sqlite:DatabasePath must name a file: an in-memory database loses every reminder", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twins:Reminders:Sqlite:BusyTimeout must be between zero and", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_whose_database_path_is_a_directory_refuses_to_start_naming_the_option()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.Root);
        var table = new SqliteReminderTable(
            Options.Create(new SqliteReminderTableOptions { DatabasePath = directory.Root }),
            Options.Create(new ClusterOptions { ServiceId = "options-tests" }),
            NullLogger<SqliteReminderTable>.Instance);

        var error = await Assert.ThrowsAsync<OrleansConfigurationException>(() => table.StartAsync());

        Assert.Contains($"SqliteReminderTableOptions.DatabasePath names the directory '{directory.Root}'; it must name a file.", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => table.ReadRows(0u, 0u));
    }
}
