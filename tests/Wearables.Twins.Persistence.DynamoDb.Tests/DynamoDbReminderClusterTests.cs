using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using Wearables.Twins.Persistence.Conformance;
using Wearables.Twins.Testing;

namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>The DynamoDB reminder table under Orleans' real reminder service, and its start-up validation.</summary>
public sealed class DynamoDbReminderClusterTests
{
    [Fact]
    public async Task A_reminder_registered_in_a_silo_fires_and_is_stored_in_dynamodb()
    {
        var tableName = DynamoDbTestServices.UniqueTableName("reminders-silo");
        var serviceId = "dynamodb-reminders-" + Guid.NewGuid().ToString("N");
        var serviceUrl = (await LocalServers.DynamoDbAsync()).ToString();
        var key = "care-alert-" + Guid.NewGuid().ToString("N");
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseDynamoDbReminderService(ob => ob.Configure(o =>
            {
                o.TableName = tableName;
                o.ServiceUrl = serviceUrl;
                o.AccessKey = "local";
                o.SecretKey = "local";
                o.CreateIfNotExists = true;
            }));
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });

        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var grain = cluster.Client.GetGrain<IEscalationGrain>(key);
        await grain.ArmAsync(TimeSpan.FromSeconds(1));

        var tick = await ReminderProbe.NextAsync(key, TimeSpan.FromSeconds(60));

        Assert.Equal(EscalationGrain.ReminderName, tick.ReminderName);
        using var table = await DynamoDbTestServices.CreateReminderTableAsync(tableName, serviceId);
        await table.StartAsync();
        var stored = Assert.Single((await table.ReadRows(0u, 0u)).Reminders);
        Assert.EndsWith("/" + key, stored.GrainId.ToString(), StringComparison.Ordinal);
        Assert.True(await grain.DisarmAsync());
        Assert.Empty((await table.ReadRows(0u, 0u)).Reminders);
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task Reminder_settings_bound_from_configuration_fail_silo_host_start_naming_every_bad_setting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twins:Reminders:DynamoDb:TableName"] = "r",
            ["Twins:Reminders:DynamoDb:ServiceUrl"] = "dynalite:4567",
            ["Twins:Reminders:DynamoDb:SecretKey"] = "only-half",
        });
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .UseDynamoDbReminderService(builder.Configuration.GetSection("Twins:Reminders:DynamoDb")));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("The DynamoDB reminder table is misconfigured", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twins:Reminders:DynamoDb:TableName 'r' is not a valid DynamoDB table name", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twins:Reminders:DynamoDb:ServiceUrl 'dynalite:4567' must be an absolute http:// or https:// URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twins:Reminders:DynamoDb:AccessKey and Twins:Reminders:DynamoDb:SecretKey must be set together", error.Message, StringComparison.Ordinal);
    }
}
