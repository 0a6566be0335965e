using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Wearables.Twins.History.Hosting;
using Wearables.Twins.History.Maintenance;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Reading;
using Wearables.Twins.History.Sql;
using Wearables.Twins.History.Storage;
using Wearables.Twins.History.Writing;

namespace Wearables.Twins.History.Tests;

/// <summary>The lake's services as the host registers them, over a temp data folder and optionally fauxqs S3.</summary>
public sealed class LakeHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempDirectory _data = new();

    private LakeHost(Dictionary<string, string?> settings, FakeTimeProvider? time)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton<TimeProvider>(time);
        }

        services.AddTwinsHistoryCore(configuration, _data.Root);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _ = _services.GetRequiredService<IOptions<HistoryOptions>>().Value;
    }

    public string DataDirectory => _data.Root;

    public HistoryWriter Writer => Get<HistoryWriter>();

    public HistoryReader Reader => Get<HistoryReader>();

    public SqlAnalytics Sql => Get<SqlAnalytics>();

    public LakeCompactor Compactor => Get<LakeCompactor>();

    public LakeEraser Eraser => Get<LakeEraser>();

    public LakeRetention Retention => Get<LakeRetention>();

    public ILakeStore Store => Get<ILakeStore>();

    public LakeFiles Files => Get<LakeFiles>();

    public static LakeHost Local(Dictionary<string, string?>? settings = null, FakeTimeProvider? time = null)
        => new(settings ?? [], time);

    public static async Task<LakeHost> S3Async(Dictionary<string, string?>? settings = null)
    {
        var endpoint = await Testing.LocalServers.FauxqsAsync();
        var bucket = "lake-" + Guid.NewGuid().ToString("N")[..12];
        using (var client = CreateS3Client(endpoint))
        {
            await client.PutBucketAsync(bucket);
        }

        // The default credential chain reads these, as it would read IRSA's in AWS.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
        var all = new Dictionary<string, string?>(settings ?? [])
        {
            ["Twins:History:Target"] = "S3",
            ["Twins:History:S3:Bucket"] = bucket,
            ["Twins:History:S3:Prefix"] = "lake/",
            ["Twins:History:S3:ServiceUrl"] = endpoint.ToString(),
            ["Twins:History:S3:Region"] = "us-east-1",
            ["Twins:History:S3:ForcePathStyle"] = "true",
        };
        return new LakeHost(all, null);
    }

    public static AmazonS3Client CreateS3Client(Uri endpoint) => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonS3Config { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", ForcePathStyle = true });

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _data.Dispose();
    }
}
