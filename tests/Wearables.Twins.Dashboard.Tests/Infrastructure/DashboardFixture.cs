using Microsoft.Playwright;
using Wearables.Twins.Testing.Hosting;

namespace Wearables.Twins.Dashboard.Tests.Infrastructure;

/// <summary>One host process and one browser shared by the collection; every test uses its own team, patient and browser context.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private TwinsHostProcess? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TwinsHostProcess Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        var host = TwinsHostProcess.StartAsync(_data.Path);
        var browser = Chromium.LaunchAsync();
        _host = await host;
        (_playwright, _browser) = await browser;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
