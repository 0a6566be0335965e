using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest.Mqtt.Broker;
using Wearables.Twins.Ingest.Mqtt.Client;
using Wearables.Twins.Ingest.Mqtt.Options;
using Wearables.Twins.Security.Devices;

namespace Wearables.Twins.Ingest.Mqtt.Hosting;

/// <summary>Registers the embedded MQTT broker.</summary>
public static class MqttServiceCollectionExtensions
{
    /// <summary>Adds the broker; register after ingest so it opens last and closes first.</summary>
    public static IServiceCollection AddTwinsMqttBroker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MqttBrokerOptions>().Bind(configuration.GetSection(MqttBrokerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MqttBrokerOptions>, MqttBrokerOptionsValidator>();
        services.AddSingleton<EmbeddedMqttBroker>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedMqttBroker>());
        services.AddSingleton<IDeviceSessionTerminator>(sp => sp.GetRequiredService<EmbeddedMqttBroker>());
        return services;
    }

    /// <summary>
    /// Adds client mode (<c>Twins:Mqtt:Client</c>): when enabled, silos subscribe to an external broker's shared
    /// subscription. Register after ingest, like the broker.
    /// </summary>
    public static IServiceCollection AddTwinsMqttClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MqttClientModeOptions>().Bind(configuration.GetSection(MqttClientModeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MqttClientModeOptions>, MqttClientModeOptionsValidator>();
        if (configuration.GetSection(MqttClientModeOptions.Section).GetValue<bool>(nameof(MqttClientModeOptions.Enabled)))
        {
            services.AddSingleton<ExternalBrokerSubscriber>();
            services.AddHostedService(sp => sp.GetRequiredService<ExternalBrokerSubscriber>());
        }

        return services;
    }
}
