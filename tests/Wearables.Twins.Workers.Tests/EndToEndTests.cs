using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Testing;
using Wearables.Twins.Workers.Hosting;
using Wearables.Twins.Workers.Notifications.Contacts;

namespace Wearables.Twins.Workers.Tests;

/// <summary>The workers as the silo host runs them: publish a recommendation, find the email in the SMTP server.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task PublishedRecommendationBecomesAnEmailThroughTheEmbeddedQueue()
    {
        var smtp = await LocalServers.SmtpAsync();
        var data = Directory.CreateTempSubdirectory("twins-workers-e2e-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(NotificationFixture.SmtpConfiguration(smtp, dataDirectory: data));
        builder.Services.AddTwinsWorkers(builder.Configuration);
        using var host = builder.Build();
        using var inbox = new SmtpInbox(smtp);
        var email = NotificationFixture.UniqueAddress();
        await host.Services.GetRequiredService<IContactDirectory>().UpsertAsync(
            new ContactPreferences("p-e2e", email, null, [ContactChannel.Email], "en", "UTC"));
        await host.StartAsync();

        var recommendation = NotificationFixture.Recommendation("p-e2e");
        var publisher = host.Services.GetRequiredService<IRecommendationPublisher>();
        await publisher.PublishAsync(recommendation);
        await publisher.PublishAsync(recommendation); // the outbox re-sends after a crash

        var mail = Assert.Single(await inbox.WaitForAsync(email));
        Assert.Equal("Screening signal: irregular heart rhythm", mail.Subject);
        await host.StopAsync();
        Assert.Single(await inbox.ForAsync(email));
        Assert.True(File.Exists(Path.Combine(data, "messaging", "queues.db")));
    }
}
