using Wearables.Twins.Import;
using Wearables.Twins.Import.Apple;
using Wearables.Twins.Import.Garmin;
using Wearables.Twins.Import.Vendors;
using Wearables.Twins.Import.Jobs;

namespace Wearables.Twins.Host;

/// <summary>Imports with every vendor format the service reads; auto-detection asks them in this order.</summary>
internal static class ImportersSetup
{
    public static IServiceCollection AddTwinsImporters(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddTwinsImports(configuration, dataDirectory);
        services.AddSingleton<IHealthDataImporter, AppleHealthImporter>();
        services.AddSingleton<IHealthDataImporter, GarminFitImporter>();

        // The vendor importers come in detection order, the generic CSV last (it claims the least specific files).
        foreach (var importer in VendorImporters.Create())
        {
            services.AddSingleton(importer);
        }

        return services;
    }
}
