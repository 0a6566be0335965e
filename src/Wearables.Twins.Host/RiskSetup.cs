using Wearables.Twins.Risk.Hosting;
using Wearables.Twins.Risk.SageMaker;

namespace Wearables.Twins.Host;

/// <summary>
/// The risk model: the built-in engine, or a SageMaker endpoint (<c>Twins:Risk:SageMaker:Enabled</c>) with the
/// built-in engine as its fallback.
/// </summary>
internal static class RiskSetup
{
    public static WebApplicationBuilder AddTwinsRiskModel(this WebApplicationBuilder builder)
    {
        var sageMaker = builder.Configuration.GetSection(SageMakerRiskModelOptions.Section);
        if (sageMaker.GetValue("Enabled", false))
        {
            builder.Services.AddSageMakerRiskModel(options => options.Bind(sageMaker));
        }
        else
        {
            builder.Services.AddBuiltInRiskModel();
        }

        return builder;
    }
}
