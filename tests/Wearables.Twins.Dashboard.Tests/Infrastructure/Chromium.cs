using Microsoft.Playwright;
using Wearables.Twins.Testing;

namespace Wearables.Twins.Dashboard.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright's bundled driver (Playwright's own browser download is never
/// used). The resolver rule keeps the browser from looking up any host but the loopback one the tests serve.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pings",
        "--dns-prefetch-disable",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        await DebianPackages.EnsureAsync(ExecutablePath, "chromium");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
