using Wearables.Twins.Risk.Engine;

namespace Wearables.Twins.ModelServer;

/// <summary>
/// Builds the model server. SageMaker runs a container with <c>serve</c> and expects HTTP on port 8080 with
/// <c>GET /ping</c> (healthy = 200) and <c>POST /invocations</c>; the runtime-API path
/// <c>POST /endpoints/{name}/invocations</c> is served too, so the silo's SageMaker client can call this server
/// directly by URL (Risk:SageMaker:ServiceUrl) and tests can exercise the whole signed path.
/// </summary>
public static class ModelServerApp
{
    public const string DefaultUrl = "http://0.0.0.0:8080";

    /// <summary>Builds the app; <paramref name="configure"/> lets a host or test adjust the builder (URLs, logging).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton<RiskEngine>();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapInferenceEndpoints();
        return app;
    }
}
