using System.Net;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Ingest.Mqtt.Options;

/// <summary>Reports every bad broker setting at once, naming the setting.</summary>
public sealed class MqttBrokerOptionsValidator : IValidateOptions<MqttBrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttBrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"{MqttBrokerOptions.Section}:Port must be between 0 and 65535 (was {options.Port}).");
        }

        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"{MqttBrokerOptions.Section}:BindAddress must be an IP address such as 127.0.0.1 or 0.0.0.0 (was '{options.BindAddress}').");
        }

        if (options.Tls.Port is < 0 or > 65535)
        {
            failures.Add($"{MqttBrokerOptions.Section}:Tls:Port must be between 0 and 65535 (was {options.Tls.Port}).");
        }

        if (options.Tls.BindAddress is { } tlsAddress && !IPAddress.TryParse(tlsAddress, out _))
        {
            failures.Add($"{MqttBrokerOptions.Section}:Tls:BindAddress must be an IP address (was '{tlsAddress}').");
        }

        if (options.Enabled && !options.PlainEnabled && !options.Tls.Enabled)
        {
            failures.Add($"{MqttBrokerOptions.Section}: the broker is enabled with no listener; enable PlainEnabled or Tls:Enabled, or set Enabled=false.");
        }

        if (options.MaxPacketBytes < 1024)
        {
            failures.Add($"{MqttBrokerOptions.Section}:MaxPacketBytes must be at least 1024.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
