using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Wearables.Twins.Api.Security;

namespace Wearables.Twins.Security.Tests.Hosting;

/// <summary>
/// A minimal ASP.NET Core app with the product's security registration (<see cref="SecurityServiceCollectionExtensions.AddTwinsSecurity"/>),
/// served by Kestrel on a free loopback port, and a client pointed at it.
/// </summary>
public sealed class TestWebApp : IAsyncDisposable
{
    private readonly TempDirectory _data;

    private TestWebApp(WebApplication app, HttpClient client, TempDirectory data)
    {
        App = app;
        Client = client;
        _data = data;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the app with <paramref name="settings"/> as its configuration; <paramref name="configure"/> adds middleware and endpoints.</summary>
    public static async Task<TestWebApp> StartAsync(IDictionary<string, string?> settings, Action<WebApplication> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var data = new TempDirectory();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTwinsSecurity(builder.Configuration, data.Root);
        var app = builder.Build();
        configure(app);
        await app.StartAsync();

        // Kestrel replaces port 0 with the port it bound.
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(10) };
        return new TestWebApp(app, client, data);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _data.Dispose();
    }
}
