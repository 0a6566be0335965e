using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wearables.Twins.History.Hosting;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Writing;

namespace Wearables.Twins.History.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task AddTwinsHistory_replaces_the_silos_no_history_default_and_uses_the_data_directory()
    {
        using var data = new TempDirectory();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IHistorySink>(NoHistorySink.Instance);
        services.AddTwinsHistory(new ConfigurationBuilder().Build(), data.Root);
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<HistoryWriter>(provider.GetRequiredService<IHistorySink>());
        Assert.Equal(Path.Combine(data.Root, "lake"), provider.GetRequiredService<IOptions<HistoryOptions>>().Value.Directory);
    }

    [Fact]
    public async Task Invalid_settings_are_all_reported_by_name()
    {
        using var data = new TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twins:History:Target"] = "S3",
            ["Twins:History:Writer:FlushValues"] = "0",
            ["Twins:History:Retention:pulse"] = "365.00:00:00",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddTwinsHistoryCore(configuration, data.Root).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<HistoryOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Twins:History:S3:Bucket", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Twins:History:Writer:FlushValues", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Twins:History:Retention:pulse", StringComparison.Ordinal));
    }
}
