using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wearables.Twins.Dashboard.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using Wearables.Twins.Testing;

namespace Wearables.Twins.Dashboard.Tests;

/// <summary>
/// The dashboard end to end: the real host, Debian's Chromium, a clinician's token pasted in, telemetry published as
/// a wearable, and an alert opened by real risk scoring (sustained low SpO2) through the care-team alert worker.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private static readonly LocatorAssertionsToBeVisibleOptions AlertArrives = new() { Timeout = 60_000 };

    static DashboardTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task ClinicianSeesATileUpdateLiveAndAcknowledgesAnAlert()
    {
        var scenario = await CareTeamScenario.CreateAsync(fixture.Host);
        await scenario.PublishHeartRateAsync(64);
        await using var dashboard = await DashboardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var page = dashboard.Page;

        await page.GetByLabel("Access token").FillAsync(scenario.ClinicianToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#who-subject")).ToHaveTextAsync(scenario.ClinicianId);
        await Expect(page.Locator("#who-role")).ToHaveTextAsync("clinician");
        await Expect(page.Locator("#stream-status")).ToHaveTextAsync("Live");
        await Expect(dashboard.TileVital(scenario.PatientId, "heart_rate")).ToHaveTextAsync(Bpm(64));

        await scenario.PublishHeartRateAsync(97);
        await Expect(dashboard.TileVital(scenario.PatientId, "heart_rate")).ToHaveTextAsync(Bpm(97));

        await scenario.PublishLowOxygenAsync();
        var alert = dashboard.ActiveAlert(scenario.PatientId);
        await Expect(alert).ToBeVisibleAsync(AlertArrives);
        await Expect(alert).ToHaveAttributeAsync("data-severity", "high");
        await Expect(dashboard.TileVital(scenario.PatientId, "spo2")).ToHaveTextAsync(new Regex("^83 %$"));
        await Expect(dashboard.Tile(scenario.PatientId)).ToHaveAttributeAsync("data-risk", "high");

        await alert.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(alert.Locator("[data-field=status]")).ToContainTextAsync($"Acknowledged by {scenario.ClinicianId}");
        var acknowledged = Assert.Single(await scenario.AlertsAsync("acknowledged"));
        Assert.Equal(scenario.ClinicianId, acknowledged.GetProperty("acknowledgedBy").GetString());
        Assert.Empty(await scenario.AlertsAsync("open"));

        var screenshot = await SaveScreenshotAsync(page, "dashboard.png");
        Assert.True(new FileInfo(screenshot).Length > 0);

        // The patient page: recent heart rate and SpO2 as charts, and the hourly history.
        await dashboard.Tile(scenario.PatientId).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Patient {scenario.PatientId}", Level = 1 })).ToBeFocusedAsync();
        await Expect(page.Locator("#recent-charts figure svg[role=img]")).ToHaveCountAsync(2);
        await Expect(page.Locator("#recent-charts figure").First).ToContainTextAsync("latest 97 bpm");
        await Expect(page.Locator("#history-charts figure")).ToHaveCountAsync(2);
        await SaveScreenshotAsync(page, "patient.png");
        Assert.Empty(dashboard.ScriptErrors);
    }

    [Fact]
    public async Task AcknowledgeIsReachableWithTabAndActsOnEnter()
    {
        var scenario = await CareTeamScenario.CreateAsync(fixture.Host);
        // This test is about the keyboard, not about how alerts arise: a clinician's observation re-scores the twin
        // within the request, so the alert does not depend on the twin's debounced scoring timer.
        await scenario.PublishHeartRateAsync(72);
        await scenario.PublishLowOxygenAsync();
        await scenario.RecordPatientIsAlertAsync();
        await scenario.WaitForOpenAlertAsync();
        await using var dashboard = await DashboardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var page = dashboard.Page;

        // Sign in without a mouse: Tab to the token field, paste, Tab to the button, Enter.
        await dashboard.TabUntilFocusedAsync("textarea#token");
        await page.Keyboard.InsertTextAsync(scenario.ClinicianToken);
        await dashboard.TabUntilFocusedAsync("#login-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        var acknowledge = dashboard.ActiveAlert(scenario.PatientId).Locator("button[data-action=acknowledge]");
        await Expect(acknowledge).ToBeVisibleAsync(AlertArrives);

        await dashboard.TabUntilFocusedAsync($"#alerts article[data-patient-id=\"{scenario.PatientId}\"] button[data-action=acknowledge]");
        await page.Keyboard.PressAsync("Enter");

        var acknowledged = await Eventually.MatchesAsync(() => scenario.AlertsAsync("acknowledged"), a => a.Count == 1, TimeSpan.FromSeconds(15),
            "The alert acknowledged from the keyboard");
        Assert.Equal(scenario.ClinicianId, acknowledged[0].GetProperty("acknowledgedBy").GetString());

        // Focus stays with the alert (on its Resolve button) instead of falling back to the top of the page.
        await Expect(dashboard.ActiveAlert(scenario.PatientId).Locator("button[data-action=resolve]")).ToBeFocusedAsync();
        Assert.Empty(dashboard.ScriptErrors);
    }

    private static Regex Bpm(int value) => new($"^{value} bpm$");

    /// <summary>A full-page screenshot under the test output (bin/…/TestResults), its path printed for the run log.</summary>
    private async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
        Console.WriteLine($"Screenshot: {path}");
        return path;
    }
}
