using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wearables.Twins.Grains.CareTeams;
using Wearables.Twins.Grains.Common;
using Wearables.Twins.Testing;
using Wearables.Twins.Workers.Alerts;

namespace Wearables.Twins.Workers.Tests.Alerts;

/// <summary>
/// A host wired as the silo host wires it: a silo (in-memory storage and reminders, on free ports) with the care-team
/// grains, embedded messaging under a temp data folder, and the care-team alert workers mailing the real smtp4dev.
/// </summary>
public sealed class AlertsHostFixture : IAsyncLifetime
{
    public const string DefaultTeam = "triage";

    private IHost? _host;
    private string _data = string.Empty;

    public IServiceProvider Services => (_host ?? throw new InvalidOperationException("The host is not started.")).Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public SmtpInbox Inbox { get; private set; } = null!;

    public string SmsFile => Path.Combine(_data, "notifications", "sms.jsonl");

    public async Task InitializeAsync()
    {
        var smtp = await LocalServers.SmtpAsync();
        Inbox = new SmtpInbox(smtp);
        _data = Directory.CreateTempSubdirectory("twins-care-team-alerts-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(NotificationFixture.SmtpConfiguration(smtp, dataDirectory: _data));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twins:CareTeamAlerts:DefaultTeamId"] = DefaultTeam,
        });
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort.Next(), FreePort.Next())
            .AddMemoryGrainStorage(StorageNames.Twins)
            .UseInMemoryReminderService()
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
        builder.Services.AddTwinsCareTeamAlerts(builder.Configuration);
        builder.Services.AddTwinsCareTeamGrainServices(); // after the workers: its "no topic" default must not win
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Inbox.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
