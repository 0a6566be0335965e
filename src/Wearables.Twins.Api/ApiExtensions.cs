using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;
using Wearables.Twins.Ingest.Pipeline;
using Wearables.Twins.Api.Apis;
using Wearables.Twins.Api.Dashboard;

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
        services.AddSingleton<PatientHistory>();
        services.AddProblemDetails();
        services.AddExceptionHandler<TwinUnavailableExceptionHandler>();
        services.AddOpenApi();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IngestMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.Orleans")
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        services.AddHealthChecks().AddCheck<ReplayHealthCheck>("telemetry-log-replay", tags: [HealthApi.ReadyTag]);
        return services;
    }

    public static WebApplication MapTwinsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        // Open without a token: probes, scraping and the API's own description hold no patient data.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapHealthApi();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        app.MapAccessApi();
        app.MapTelemetryApi();
        app.MapPatientsApi();
        app.MapRiskApi();
        app.MapAnalyticsApi();
        app.MapErasureApi();
        app.MapWearablesApi();
        app.MapDevicesApi();
        app.MapImportsApi();
        app.MapContactsApi();
        app.MapCampaignsApi();
        app.MapCareTeamsApi();
        app.MapCareTeamStreamApi();
        app.MapDashboard();
        return app;
    }
}
