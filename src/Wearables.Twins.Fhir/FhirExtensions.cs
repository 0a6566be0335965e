using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wearables.Twins.Fhir.Http;
using Wearables.Twins.Fhir.Search;
using Wearables.Twins.Fhir.Storage;

namespace Wearables.Twins.Fhir;

/// <summary>Registers and maps the FHIR R4 facade (<c>/fhir</c>).</summary>
public static class FhirExtensions
{
    /// <summary>
    /// Adds the FHIR services. Needs what the host already has: Orleans (<see cref="IGrainFactory"/>) and
    /// ingest (<c>AddTwinsIngest</c>: the decoder and <c>TelemetryIngestor</c>).
    /// </summary>
    public static IServiceCollection AddTwinsFhir(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FhirJson>();
        services.AddSingleton<ObservationSearch>();
        services.AddSingleton<ObservationStore>();
        services.AddSingleton<BundleProcessor>();
        return services;
    }

    /// <summary>Maps <c>/fhir/metadata</c>, <c>/fhir/Observation</c>, <c>/fhir/Patient/{id}</c>, <c>/fhir/Device/{id}</c> and <c>POST /fhir</c>.</summary>
    public static IEndpointRouteBuilder MapTwinsFhir(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return FhirEndpoints.Map(endpoints);
    }
}
