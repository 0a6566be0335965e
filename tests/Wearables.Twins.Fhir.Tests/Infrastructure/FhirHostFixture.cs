using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Storage;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Grains.Common;
using Wearables.Twins.Grains.Hosting;
using Wearables.Twins.Ingest.Durability;
using Wearables.Twins.Ingest.Hosting;
using Wearables.Twins.Ingest.Pipeline;
using Wearables.Twins.Security;

namespace Wearables.Twins.Fhir.Tests.Infrastructure;

/// <summary>
/// A small in-process host, one per test collection: a localhost Orleans silo with in-memory twin storage (through
/// Orleans' binary serializer, as production's SQLite provider), the real ingest pipeline and telemetry log in a
/// temporary directory, the REST API's middleware (exception handler, status-code pages, OpenAPI), and the FHIR
/// endpoints on a free 127.0.0.1 port. Ready once the log replay has finished.
/// </summary>
public sealed class FhirHostFixture : IAsyncLifetime
{
    /// <summary>The HL7 examples date from 1999–2015; the default 10-year limit would refuse them as too_old.</summary>
    public static readonly TimeSpan MaxSampleAge = TimeSpan.FromDays(36500);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "twins-fhir-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host is not started.");

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public TelemetryIngestor Ingestor => Services.GetRequiredService<TelemetryIngestor>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twins:Ingest:MaxSampleAge"] = MaxSampleAge.ToString("c"),
        });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        var siloPort = FreePort();
        var gatewayPort = FreePort();
        var clusterId = "fhir-tests-" + Guid.NewGuid().ToString("N")[..8];
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, primarySiloEndpoint: null, serviceId: clusterId, clusterId: clusterId);
            silo.Configure<EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Loopback);
            silo.AddMemoryGrainStorage(StorageNames.Twins);
            silo.Services.AddTwinGrainServices();

            // Production storage writes state with Orleans' binary serializer; the memory provider would otherwise
            // use the silo-wide JSON serializer.
            silo.Services.AddOptions<MemoryGrainStorageOptions>(StorageNames.Twins)
                .Configure<IServiceProvider>((options, provider) =>
                    options.GrainStorageSerializer = ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(provider));
        });
        builder.Services.AddTwinsIngest(builder.Configuration, _dataDirectory);
        builder.Services.AddTwinsFhir();
        builder.Services.AddTwinsSecurity(builder.Configuration, _dataDirectory);

        // What the real host's REST API adds around every endpoint, so the FHIR endpoints are tested inside it.
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseStatusCodePages();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.UseRateLimiter();
        _app.MapOpenApi();
        _app.MapTwinsFhir();
        await _app.StartAsync();
        await _app.Services.GetRequiredService<LogReplayService>().Completion;

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = BaseAddress };
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", _app.Services.GetRequiredService<LocalTokenIssuer>().Issue(new TokenRequest("fhir-tests", TwinsRoles.Admin, [], null, TimeSpan.FromHours(2))));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner takes what a closing file still held.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class FhirHostCollection : ICollectionFixture<FhirHostFixture>
{
    public const string Name = "FHIR host";
}
