using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;
using Wearables.Twins.Api.Apis;

namespace Wearables.Twins.Api;

/// <summary>Registers and maps the REST API.</summary>
public static class ApiExtensions
{
    public static IServiceCollection AddTwinsApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<ReplayHealthCheck>("telemetry-log-replay", tags: [HealthApi.ReadyTag]);
        return services;
    }

    public static WebApplication MapTwinsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthApi();
        app.MapTelemetryApi();
        app.MapPatientsApi();
        app.MapWearablesApi();
        return app;
    }
}
