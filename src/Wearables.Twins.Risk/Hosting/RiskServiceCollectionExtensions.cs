using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Wearables.Twins.Aws.Signing;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Model;
using Wearables.Twins.Risk.SageMaker;

namespace Wearables.Twins.Risk.Hosting;

/// <summary>Registers the risk model: the built-in engine, or a SageMaker endpoint with the built-in engine as fallback.</summary>
public static class RiskServiceCollectionExtensions
{
    /// <summary>Name of the HttpClient (and its resilience pipeline) used for the SageMaker runtime.</summary>
    public const string HttpClientName = "Wearables.Twins.Risk.SageMaker";

    /// <summary>The built-in engine as <see cref="IRiskModel"/>, plus <see cref="PatientRiskMonitor"/>.</summary>
    public static IServiceCollection AddBuiltInRiskModel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<RiskEngine>();
        services.TryAddSingleton<IRiskModel>(sp => sp.GetRequiredService<RiskEngine>());
        services.TryAddSingleton(sp => new PatientRiskMonitor(sp.GetRequiredService<IRiskModel>()));
        return services;
    }

    /// <summary>
    /// A SageMaker endpoint as <see cref="IRiskModel"/>: SigV4-signed InvokeEndpoint over an HttpClient with a per-attempt
    /// timeout and a circuit breaker, falling back to the built-in engine. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddSageMakerRiskModel(this IServiceCollection services, Action<OptionsBuilder<SageMakerRiskModelOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SageMakerRiskModelOptions>();
        configure?.Invoke(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SageMakerRiskModelOptions>, SageMakerRiskModelOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton<RiskEngine>();

        var http = services.AddHttpClient(HttpClientName, (sp, client) =>
            {
                var o = sp.GetRequiredService<IOptions<SageMakerRiskModelOptions>>().Value;
                client.BaseAddress = o.ResolveBaseAddress("runtime.sagemaker");
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns time limits
            });
        http.AddResilienceHandler("risk-model", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<SageMakerRiskModelOptions>>().Value;
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = o.BreakerFailureRatio,
                    MinimumThroughput = o.BreakerMinimumThroughput,
                    SamplingDuration = o.BreakerSamplingDuration,
                    BreakDuration = o.BreakDuration,
                });
                pipeline.AddTimeout(o.Timeout);
            });
        http.AddHttpMessageHandler(sp =>
            {
                // Innermost: every attempt is signed with its own time.
                var o = sp.GetRequiredService<IOptions<SageMakerRiskModelOptions>>().Value;
                return new SigV4SigningHandler(new SigV4Signer(o.CreateCredentialsProvider(), sp.GetService<TimeProvider>()), o.Region, SageMakerRiskModelOptions.SigningService);
            });

        services.RemoveAll<IRiskModel>();
        services.AddSingleton<IRiskModel>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SageMakerRiskModelOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new FallbackRiskModel(new SageMakerRiskModel(http, o.EndpointName), sp.GetRequiredService<RiskEngine>(),
                sp.GetRequiredService<ILogger<FallbackRiskModel>>());
        });
        services.TryAddSingleton(sp => new PatientRiskMonitor(sp.GetRequiredService<IRiskModel>()));
        return services;
    }
}
