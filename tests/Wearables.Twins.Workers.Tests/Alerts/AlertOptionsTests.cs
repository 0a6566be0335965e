using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wearables.Twins.Workers.Alerts;

namespace Wearables.Twins.Workers.Tests.Alerts;

/// <summary>Bad care-team alert settings stop the process at start, every one named.</summary>
public sealed class AlertOptionsTests
{
    [Fact]
    public void EveryBadSettingIsReportedWithItsKey()
    {
        var result = new CareTeamAlertOptionsValidator().Validate(null, new CareTeamAlertOptions
        {
            Queue = "care team alerts",
            EscalationQueue = "care team alerts",
            MinimumSeverity = (Recommendations.RecommendationSeverity)9,
            DefaultTeamId = "ward/3",
        });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Twins:CareTeamAlerts:Queue must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Twins:CareTeamAlerts:EscalationQueue must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Twins:CareTeamAlerts:Queue and Twins:CareTeamAlerts:EscalationQueue must differ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Twins:CareTeamAlerts:MinimumSeverity", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Twins:CareTeamAlerts:DefaultTeamId", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDefaultsAreValid()
        => Assert.True(new CareTeamAlertOptionsValidator().Validate(null, new CareTeamAlertOptions()).Succeeded);

    [Fact]
    public async Task AHostWithABadSettingDoesNotStart()
    {
        var data = Directory.CreateTempSubdirectory("twins-alert-options-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twins:DataDirectory"] = data,
            ["Twins:CareTeamAlerts:EscalationQueue"] = "care-team-alerts",
        });
        builder.Services.AddTwinsCareTeamAlerts(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Twins:CareTeamAlerts:Queue and Twins:CareTeamAlerts:EscalationQueue must differ", error.Message, StringComparison.Ordinal);
    }
}
