using Microsoft.Extensions.Options;

namespace Wearables.Twins.Ingest.Mqtt.Options;

/// <summary>Reports every bad client-mode setting at once, naming the setting.</summary>
public sealed class MqttClientModeOptionsValidator : IValidateOptions<MqttClientModeOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttClientModeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        const string S = MqttClientModeOptions.Section;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add($"{S}:Host is required.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{S}:Port must be between 1 and 65535 (was {options.Port}).");
        }

        if (string.IsNullOrWhiteSpace(options.SharedGroup) || options.SharedGroup.AsSpan().IndexOfAny("/+#") >= 0)
        {
            failures.Add($"{S}:SharedGroup must be a non-empty name without '/', '+' or '#'.");
        }

        if (!options.TopicFilter.StartsWith("wearables/", StringComparison.Ordinal) || !options.TopicFilter.EndsWith("/telemetry", StringComparison.Ordinal))
        {
            failures.Add($"{S}:TopicFilter must match wearables/{{deviceId}}/telemetry topics (was '{options.TopicFilter}').");
        }

        if ((options.ClientCertificatePath is null) != (options.ClientKeyPath is null))
        {
            failures.Add($"{S}:ClientCertificatePath and {S}:ClientKeyPath go together.");
        }

        foreach (var (key, path) in new[] { ("CaCertificatePath", options.CaCertificatePath), ("ClientCertificatePath", options.ClientCertificatePath), ("ClientKeyPath", options.ClientKeyPath) })
        {
            if (path is not null && !File.Exists(path))
            {
                failures.Add($"{S}:{key} '{path}' does not exist.");
            }
        }

        if (!options.UseTls && options.ClientCertificatePath is not null)
        {
            failures.Add($"{S}:ClientCertificatePath needs {S}:UseTls=true.");
        }

        if (options.MaxInFlight is < 1 or > 65535)
        {
            failures.Add($"{S}:MaxInFlight must be between 1 and 65535.");
        }

        if (options.ReconnectMinDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            failures.Add($"{S}:ReconnectMinDelay must be positive and at most {S}:ReconnectMaxDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
