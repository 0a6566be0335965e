using Microsoft.Playwright;

namespace Wearables.Twins.Dashboard.Tests.Infrastructure;

/// <summary>
/// The dashboard open in a fresh browser context: what a person does on it, and every script error the page raised
/// (a test fails on any).
/// </summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ScriptErrors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri address)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = new DashboardPage(context, await context.NewPageAsync());
        await page.Page.GotoAsync(address.ToString());
        return page;
    }

    /// <summary>The tile of one patient.</summary>
    public ILocator Tile(string patientId) => Page.Locator($"article.tile[data-patient-id=\"{patientId}\"]");

    /// <summary>One of the key vitals on a patient's tile, e.g. <c>heart_rate</c>.</summary>
    public ILocator TileVital(string patientId, string vital) => Tile(patientId).Locator($"[data-vital=\"{vital}\"]");

    /// <summary>The active alerts of one patient in the inbox.</summary>
    public ILocator ActiveAlert(string patientId) => Page.Locator($"#alerts article.alert[data-patient-id=\"{patientId}\"]");

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; fails after <paramref name="most"/> presses.</summary>
    public async Task TabUntilFocusedAsync(string selector, int most = 80)
    {
        for (var presses = 0; presses < most; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await Page.EvaluateAsync<bool>("selector => document.activeElement !== null && document.activeElement.matches(selector)", selector))
            {
                return;
            }
        }

        var focused = await Page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing'");
        Assert.Fail($"'{selector}' was not reached with {most} presses of Tab; focus is on {focused}");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
