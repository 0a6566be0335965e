using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Testing;
using Wearables.Twins.Workers.Hosting;
using Wearables.Twins.Workers.Notifications;
using Wearables.Twins.Workers.Notifications.Contacts;

namespace Wearables.Twins.Workers.Tests;

/// <summary>The notification services on a temp data folder, a fake clock and the real local SMTP server.</summary>
public sealed class NotificationFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private NotificationFixture(ServiceProvider services, string dataDirectory, SmtpServer smtp, FakeTimeProvider time)
    {
        _services = services;
        DataDirectory = dataDirectory;
        Inbox = new SmtpInbox(smtp);
        Time = time;
    }

    public string DataDirectory { get; }

    public SmtpInbox Inbox { get; }

    public FakeTimeProvider Time { get; }

    public IContactDirectory Contacts => _services.GetRequiredService<IContactDirectory>();

    public NotificationHandler Handler => _services.GetRequiredService<NotificationHandler>();

    public static async Task<NotificationFixture> StartAsync(int maxPerRecipient = 4)
    {
        var smtp = await LocalServers.SmtpAsync();
        var data = Directory.CreateTempSubdirectory("twins-workers-").FullName;
        var configuration = SmtpConfiguration(smtp, maxPerRecipient);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 15, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddTwinsNotificationServices(configuration, data)
            .BuildServiceProvider();
        return new NotificationFixture(services, data, smtp, time);
    }

    public static IConfiguration SmtpConfiguration(SmtpServer smtp, int maxPerRecipient = 4, string? dataDirectory = null)
        => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twins:DataDirectory"] = dataDirectory,
            ["Twins:Notifications:EmailTransport"] = "Smtp",
            ["Twins:Notifications:Smtp:Host"] = smtp.Smtp.Host,
            ["Twins:Notifications:Smtp:Port"] = smtp.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Twins:Notifications:Smtp:Security"] = "None",
            ["Twins:Notifications:Smtp:FromAddress"] = "alerts@twins.test",
            ["Twins:Notifications:MaxPerRecipient"] = maxPerRecipient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Twins:Notifications:RateLimitWindow"] = "01:00:00",
        }).Build();

    public static string UniqueAddress() => $"patient-{Guid.NewGuid():N}@twins.test";

    public static Recommendation Recommendation(string patientId, string kind = RecommendationKinds.IrregularRhythm,
        RecommendationSeverity severity = RecommendationSeverity.High, RecommendationTransition transition = RecommendationTransition.Opened,
        string? language = "en", long sequence = 0)
        => new(Twins.Recommendations.Recommendation.StableId(patientId, "finding-" + kind, transition, sequence), kind, transition, severity,
            patientId, "watch-1", "finding-" + kind,
            "Irregular rhythm in 4 of the last 6 windows <checked>", "Book an ECG with your care team.",
            new DateTimeOffset(2025, 3, 10, 14, 59, 0, TimeSpan.Zero), language);

    public async ValueTask DisposeAsync()
    {
        Inbox.Dispose();
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
