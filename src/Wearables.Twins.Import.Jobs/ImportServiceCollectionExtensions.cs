using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Import.Jobs;

/// <summary>Registers imports; the host adds the importers themselves (<see cref="IHealthDataImporter"/>).</summary>
public static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddTwinsImports(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<ImportOptions>()
            .Configure(o => o.Directory = Path.Combine(dataDirectory, "imports"))
            .Bind(configuration.GetSection(ImportOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImportOptions>, ImportOptionsValidator>();
        services.AddSingleton<ImportFormats>();
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<ImportJobs>();
        return services;
    }
}
