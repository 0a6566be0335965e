using Amazon;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wearables.Twins.History.Maintenance;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Reading;
using Wearables.Twins.History.Sql;
using Wearables.Twins.History.Storage;
using Wearables.Twins.History.Writing;

namespace Wearables.Twins.History.Hosting;

/// <summary>Registers the history lake: store, writer, readers, maintenance and SQL.</summary>
public static class HistoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the lake. Register it before ingest, so that at shutdown it stops after the final checkpoint (hosted
    /// services stop in reverse order) and its own final flush sees everything.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Reads <c>Twins:History</c>.</param>
    /// <param name="dataDirectory">The service's data folder: the lake defaults to its <c>lake</c> subfolder, the S3 mirror to <c>lake-cache</c>.</param>
    public static IServiceCollection AddTwinsHistory(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddTwinsHistoryCore(configuration, dataDirectory);
        services.AddSingleton<HistoryWriterService>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryWriterService>());
        services.AddSingleton<LakeMaintenanceService>();
        services.AddHostedService(sp => sp.GetRequiredService<LakeMaintenanceService>());
        return services;
    }

    /// <summary>The same services without background work: for tools that only read (<c>twins sql</c>) and tests.</summary>
    public static IServiceCollection AddTwinsHistoryCore(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        services.AddOptions<HistoryOptions>()
            .Configure(o =>
            {
                o.Directory = Path.Combine(dataDirectory, "lake");
                o.CacheDirectory = Path.Combine(dataDirectory, "lake-cache");
            })
            .Bind(configuration.GetSection(HistoryOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HistoryOptions>, HistoryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CreateStore);
        services.TryAddSingleton<LakeGate>();
        services.TryAddSingleton<LakeFiles>();
        services.TryAddSingleton<HistoryWriter>();
        // Replaces the silo's NoHistorySink default whichever was registered first.
        services.Replace(ServiceDescriptor.Singleton<IHistorySink>(sp => sp.GetRequiredService<HistoryWriter>()));
        services.TryAddSingleton<HistoryReader>();
        services.TryAddSingleton<LakeCompactor>();
        services.TryAddSingleton<LakeRetention>();
        services.TryAddSingleton<LakeEraser>();
        services.TryAddSingleton<SqlAnalytics>();
        return services;
    }

    private static ILakeStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<HistoryOptions>>().Value;
        if (options.Target == LakeTarget.Local)
        {
            return new LocalLakeStore(options.Directory);
        }

        var s3 = options.S3;
        var config = new AmazonS3Config { ForcePathStyle = s3.ForcePathStyle };
        if (!string.IsNullOrEmpty(s3.ServiceUrl))
        {
            config.ServiceURL = s3.ServiceUrl;
            config.AuthenticationRegion = string.IsNullOrEmpty(s3.Region) ? "us-east-1" : s3.Region;
        }
        else if (!string.IsNullOrEmpty(s3.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(s3.Region);
        }

        // No credentials here: the SDK's default chain (environment, profile, IRSA on Kubernetes, instance role).
        return new S3LakeStore(new AmazonS3Client(config), s3.Bucket, s3.Prefix);
    }
}
