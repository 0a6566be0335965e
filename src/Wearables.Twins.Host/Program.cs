using Wearables.Twins.Api;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Campaigns.Hosting;
using Wearables.Twins.Fhir;
using Wearables.Twins.Grains.CareTeams;
using Wearables.Twins.Grains.Hosting;
using Wearables.Twins.Host;
using Wearables.Twins.History.Hosting;
using Wearables.Twins.Ingest.Durability;
using Wearables.Twins.Ingest.Hosting;
using Wearables.Twins.Ingest.Mqtt.Hosting;
using Wearables.Twins.Workers.Alerts;
using Wearables.Twins.Workers.Hosting;

// Settings files sit next to the binary; relative paths such as the data directory resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var dataDirectory = builder.AddTwinsDataDirectory();
builder.AddTwinsDeviceHttps();

// Order matters: the silo starts first and stops last; ingest replays into it; the MQTT doors open last.
builder.AddTwinsSilo(dataDirectory);
builder.Services.AddTwinsHistory(builder.Configuration, dataDirectory);
builder.Services.AddSingleton<ICheckpointParticipant, LakeCheckpoint>();
builder.Services.AddTwinsIngest(builder.Configuration, dataDirectory);
builder.Services.AddTwinsMqttBroker(builder.Configuration);
builder.Services.AddTwinsMqttClient(builder.Configuration);
builder.Services.AddTwinsImporters(builder.Configuration, dataDirectory);
builder.Services.AddTwinsWorkers(builder.Configuration, dataDirectory);
builder.Services.AddTwinsCareTeamAlerts(builder.Configuration, dataDirectory);
builder.Services.AddTwinsCampaigns(builder.Configuration, dataDirectory);
builder.AddTwinsRiskModel();

// Last: defaults for whatever the lines above did not provide (TryAdd).
builder.Services.AddTwinGrainServices();
builder.Services.AddTwinsCareTeamGrainServices();
builder.Services.AddTwinsSecurity(builder.Configuration, dataDirectory);
builder.Services.AddTwinsApi();
builder.Services.AddTwinsFhir();

var app = builder.Build();
app.MapTwinsApi();
app.MapTwinsFhir();
await app.RunAsync();

/// <summary>The host's entry point, visible to end-to-end tests.</summary>
public partial class Program;
