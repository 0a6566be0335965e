using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Wearables.Twins.Campaigns.Catalog;
using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Campaigns.Delivery;
using Wearables.Twins.Campaigns.Engagement;
using Wearables.Twins.Campaigns.Hosting;
using Wearables.Twins.Campaigns.Options;
using Wearables.Twins.Campaigns.Running;
using Wearables.Twins.History.Writing;
using Wearables.Twins.Messaging;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Testing;
using Wearables.Twins.Vitals;
using Wearables.Twins.Workers.Notifications.Contacts;

namespace Wearables.Twins.Campaigns.Tests;

/// <summary>
/// The campaign services as a host registers them (AddTwinsCampaigns), over a temp data folder (lake, queues,
/// contacts), a fake clock and the collection's silo. Hosted services are not started unless a test starts one.
/// </summary>
public sealed class CampaignHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    private CampaignHarness(ServiceProvider services, string dataDirectory, FakeTimeProvider time, SmtpServer? smtp)
    {
        _services = services;
        _scope = services.CreateScope();
        DataDirectory = dataDirectory;
        Time = time;
        Smtp = smtp;
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; }

    public SmtpServer? Smtp { get; }

    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    public IGrainFactory Grains => Get<IGrainFactory>();

    public CampaignRunner Runner => Get<CampaignRunner>();

    public CampaignRegistry Registry => Get<CampaignRegistry>();

    public CampaignScheduler Scheduler => Get<CampaignScheduler>();

    public IContactDirectory Contacts => Get<IContactDirectory>();

    public IMessageTransport Transport => Get<IMessageTransport>();

    public CampaignOptions Options => Get<IOptions<CampaignOptions>>().Value;

    public CampaignMessageHandler Handler => _scope.ServiceProvider.GetRequiredService<CampaignMessageHandler>();

    public string PickupDirectory => Path.Combine(DataDirectory, "notifications", "pickup");

    public static async Task<CampaignHarness> StartAsync(
        CampaignCluster cluster, bool smtp = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var data = Directory.CreateTempSubdirectory("twins-campaigns-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Twins:Campaigns:OptOutUrl"] = "https://portal.twins.test/opt-out?campaign={campaign_id}&patient={patient_id}",
        };
        SmtpServer? server = null;
        if (smtp)
        {
            server = await LocalServers.SmtpAsync();
            values["Twins:Notifications:EmailTransport"] = "Smtp";
            values["Twins:Notifications:Smtp:Host"] = server.Smtp.Host;
            values["Twins:Notifications:Smtp:Port"] = server.Smtp.Port.ToString(CultureInfo.InvariantCulture);
            values["Twins:Notifications:Smtp:Security"] = "None";
            values["Twins:Notifications:Smtp:FromAddress"] = "programme@twins.test";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(cluster.Grains)
            .AddTwinsCampaigns(configuration, data)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var harness = new CampaignHarness(services, data, time, server);

        // Start-up validation, and the delivery queue a started consumer would ensure (so runs' messages land in it).
        _ = harness.Options;
        await harness.Transport.EnsureSubscriptionAsync(harness.DeliverySubscription);
        return harness;
    }

    public QueueSubscription DeliverySubscription => new(Options.DeliveryQueue) { Kinds = [CampaignMessageCodec.Kind] };

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The consumer host of the delivery queue, as the service runs it.</summary>
    public IHostedService DeliveryConsumer => _services.GetServices<IHostedService>().OfType<QueueConsumerService<CampaignMessageHandler>>().Single();

    public async Task WriteLakeAsync(string patientId, params VitalSample[] samples)
    {
        var writer = Get<HistoryWriter>();
        await writer.AppendAsync(patientId, "cuff-1", samples);
        await writer.FlushAsync(CancellationToken.None);
    }

    public Task WriteHighSystolicAsync(string patientId, int days = 3) => WriteLakeAsync(patientId, Samples.HighSystolicDays(Today, days));

    public async Task<string> AddContactAsync(string patientId, string language = "en", bool optedOut = false,
        TimeOnly? quietStart = null, TimeOnly? quietEnd = null)
    {
        var address = $"{patientId}@twins.test";
        await Contacts.UpsertAsync(new ContactPreferences(patientId, address, "+5511912345678", [ContactChannel.Email, ContactChannel.Sms],
            language, "America/Sao_Paulo", quietStart, quietEnd, optedOut));
        return address;
    }

    public Task<EngagementView> ConsentAsync(string patientId, bool granted = true)
        => Engagement(patientId).SetConsentAsync(granted, "test:form", Time.GetUtcNow()).AsTask();

    public IPatientEngagementGrain Engagement(string patientId) => Grains.GetGrain<IPatientEngagementGrain>(patientId);

    public async Task<CampaignStatus> DefineAsync(CampaignDefinition definition, CampaignActivity activity = CampaignActivity.Active)
    {
        var outcome = await Registry.DefineAsync(definition, activity);
        Assert.Equal(DefineResult.Created, outcome.Result);
        return outcome.Campaign!;
    }

    public async Task<RunReport> RunNowAsync(string campaignId)
    {
        var result = await Runner.RunAsync(campaignId, manual: true, CancellationToken.None);
        Assert.Equal(RunOutcome.Completed, result.Outcome);
        return result.Report!;
    }

    public async Task<CampaignStatus> StatusAsync(string campaignId) => (await Registry.GetAsync(campaignId))!;

    /// <summary>The campaign messages waiting for delivery, taken off the queue (they come back after its visibility timeout).</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> TakeQueuedAsync()
    {
        var all = new List<ReceivedMessage>();
        while (true)
        {
            var batch = await Transport.ReceiveAsync(Options.DeliveryQueue, 10, TimeSpan.Zero);
            if (batch.Count == 0)
            {
                return all;
            }

            all.AddRange(batch);
        }
    }

    /// <summary>Delivers every queued campaign message through the handler, acknowledging or deferring as the consumer host does.</summary>
    public async Task<IReadOnlyList<(CampaignMessage Message, MessageOutcome Outcome)>> DeliverQueuedAsync()
    {
        var delivered = new List<(CampaignMessage, MessageOutcome)>();
        foreach (var received in await TakeQueuedAsync())
        {
            var outcome = await Handler.HandleAsync(received, CancellationToken.None);
            if (outcome.DeferFor is { } delay)
            {
                await Transport.ReleaseAsync(received, delay);
            }
            else
            {
                await Transport.AckAsync(received);
            }

            delivered.Add((CampaignMessageCodec.Read(received), outcome));
        }

        return delivered;
    }

    /// <summary>The .eml files the pickup email transport wrote, by recipient.</summary>
    public IReadOnlyList<string> PickedUpEmailsTo(string address)
        => !Directory.Exists(PickupDirectory)
            ? []
            : [.. Directory.EnumerateFiles(PickupDirectory, "*.eml").Select(File.ReadAllText).Where(m => m.Contains(address, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        _scope.Dispose();
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
