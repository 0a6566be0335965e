using System.CommandLine;
using System.CommandLine.Parsing;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Wearables.Twins.Simulator.Cli;

/// <summary>The <c>twins-sim</c> command line: options map one to one onto <see cref="SimulatorOptions"/>.</summary>
public static class SimulatorCli
{
    /// <summary>The root command; invoking it runs a <see cref="FleetSimulator"/> and prints its summary.</summary>
    public static RootCommand CreateRootCommand()
    {
        var definition = new Definition();
        definition.Root.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var options = definition.ToOptions(parse.CommandResult);
            var problems = options.Validate();
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(problem);
                }

                return 2;
            }

            SimulatorResult result;
            try
            {
                result = await new FleetSimulator(output).RunAsync(options, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                // Options that validated but whose files do not load (a key that is not the certificate's, another device's CN).
                await parse.InvocationConfiguration.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            await output.WriteAsync(result.ToSummary());
            return result.Messages > 0 || result.Cancelled ? 0 : 1;
        });
        return definition.Root;
    }

    /// <summary>Reads <paramref name="args"/> as the CLI would; null with the errors when they are not usable.</summary>
    public static SimulatorOptions? TryParse(IReadOnlyList<string> args, out IReadOnlyList<string> errors)
    {
        var definition = new Definition();
        var parse = definition.Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            errors = [.. parse.Errors.Select(e => e.Message)];
            return null;
        }

        var options = definition.ToOptions(parse.CommandResult);
        errors = options.Validate();
        return errors.Count == 0 ? options : null;
    }

    private sealed class Definition
    {
        private static readonly SimulatorOptions Defaults = new();

        private readonly Option<int> _devices = new("--devices", "-n")
        {
            Description = "Number of simulated wearables, each with its own patient and MQTT connection.",
            DefaultValueFactory = _ => Defaults.Devices,
        };

        private readonly Option<string> _brokerHost = new("--broker-host")
        {
            Description = "MQTT broker host.",
            DefaultValueFactory = _ => Defaults.BrokerHost,
        };

        private readonly Option<int?> _brokerPort = new("--broker-port")
        {
            Description = $"MQTT broker port; default {SimulatorOptions.DefaultPort}, or {SimulatorOptions.DefaultTlsPort} over TLS.",
        };

        private readonly Option<bool> _tls = new("--tls")
        {
            Description = "Connect over TLS (implied by --ca, --cert-dir and --tls-server-name).",
        };

        private readonly Option<string?> _ca = new("--ca")
        {
            Description = "PEM certificate the broker's certificate must chain to: the service's device authority (ca.pem of `twins devices provision`). Default: the system's roots.",
            HelpName = "file",
        };

        private readonly Option<string?> _certDirectory = new("--cert-dir")
        {
            Description = "Directory with each device's client certificate and key, {deviceId}.crt.pem and {deviceId}.key.pem (`twins devices provision <deviceId> --out DIR`).",
            HelpName = "dir",
        };

        private readonly Option<string?> _tlsServerName = new("--tls-server-name")
        {
            Description = "Name the broker's certificate must carry, when it differs from --broker-host (implies --tls).",
            HelpName = "name",
        };

        private readonly Option<Uri> _api = new("--api")
        {
            Description = "Service API used to bind each device to its patient first (PUT /api/v1/wearables/{id}/patient).",
            DefaultValueFactory = _ => Defaults.Api,
            CustomParser = ParseUri,
        };

        private readonly Option<string?> _token = new("--token")
        {
            Description = "Bearer token for the API (from `twins token --role admin`); TWINS_TOKEN sets it.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TWINS_TOKEN"),
        };

        private readonly Option<bool> _noBind = new("--no-bind")
        {
            Description = "Do not bind devices to patients through the API.",
        };

        private readonly Option<TimeSpan> _duration = new("--duration", "-d")
        {
            Description = "Real time to run: 90s, 5m, 1h, 00:05:00; 0 runs until Ctrl+C.",
            DefaultValueFactory = _ => Defaults.Duration,
            CustomParser = ParseDuration,
        };

        private readonly Option<double> _speed = new("--speed")
        {
            Description = "Time acceleration: at 60 a simulated minute passes per real second. Simulated time starts duration × speed in the past and never passes the real clock.",
            DefaultValueFactory = _ => Defaults.Speed,
        };

        private readonly Option<int> _qos = new("--qos")
        {
            Description = "MQTT QoS: 1 waits for every PUBACK, 0 fires and forgets.",
            DefaultValueFactory = _ => (int)Defaults.Qos,
        };

        private readonly Option<string> _devicePrefix = new("--device-prefix")
        {
            Description = "Device ids are this prefix plus a 4-digit number.",
            DefaultValueFactory = _ => Defaults.DevicePrefix,
        };

        private readonly Option<string> _patientPrefix = new("--patient-prefix")
        {
            Description = "Patient ids are this prefix plus the device's number.",
            DefaultValueFactory = _ => Defaults.PatientPrefix,
        };

        private readonly Option<int> _batchSeconds = new("--batch-seconds")
        {
            Description = "Simulated seconds of samples per message.",
            DefaultValueFactory = _ => (int)Defaults.Batch.TotalSeconds,
        };

        private readonly Option<int> _mqttVersion = new("--mqtt-version")
        {
            Description = "MQTT protocol version: 500 (5.0) or 311 (3.1.1).",
            DefaultValueFactory = _ => 500,
        };

        private readonly Option<int?> _seed = new("--seed")
        {
            Description = "Root random seed; the same seed gives the same patients and vitals.",
        };

        public Definition()
        {
            _qos.AcceptOnlyFromAmong("0", "1");
            _mqttVersion.AcceptOnlyFromAmong("311", "500");
            Root = new RootCommand("twins-sim: a fleet of simulated wearables publishing realistic vitals over MQTT (telemetry envelope v1).")
            {
                _devices, _brokerHost, _brokerPort, _tls, _ca, _certDirectory, _tlsServerName, _api, _token, _noBind, _duration, _speed, _qos, _devicePrefix, _patientPrefix,
                _batchSeconds, _mqttVersion, _seed,
            };
        }

        public RootCommand Root { get; }

        public SimulatorOptions ToOptions(SymbolResult result)
        {
            var ca = result.GetValue(_ca);
            var certDirectory = result.GetValue(_certDirectory);
            var serverName = result.GetValue(_tlsServerName);
            var tls = result.GetValue(_tls) || ca is not null || certDirectory is not null || serverName is not null;
            return new()
            {
                Devices = result.GetValue(_devices),
                BrokerHost = result.GetValue(_brokerHost) ?? string.Empty,
                BrokerPort = result.GetValue(_brokerPort) ?? (tls ? SimulatorOptions.DefaultTlsPort : SimulatorOptions.DefaultPort),
                UseTls = tls,
                CaCertificatePath = ca,
                ClientCertificateDirectory = certDirectory,
                TlsServerName = serverName,
                Api = result.GetValue(_api) ?? Defaults.Api,
                ApiToken = result.GetValue(_token),
                Bind = !result.GetValue(_noBind),
                Duration = result.GetValue(_duration),
                Speed = result.GetValue(_speed),
                Qos = (MqttQualityOfServiceLevel)result.GetValue(_qos),
                DevicePrefix = result.GetValue(_devicePrefix) ?? string.Empty,
                PatientPrefix = result.GetValue(_patientPrefix) ?? string.Empty,
                Batch = TimeSpan.FromSeconds(result.GetValue(_batchSeconds)),
                ProtocolVersion = result.GetValue(_mqttVersion) == 311 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500,
                Seed = result.GetValue(_seed),
            };
        }

        private static Uri ParseUri(ArgumentResult result)
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }

            result.AddError($"--api: '{text}' is not an absolute http(s) URL.");
            return Defaults.Api;
        }

        private static TimeSpan ParseDuration(ArgumentResult result)
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (DurationParser.TryParse(text, out var value))
            {
                return value;
            }

            result.AddError($"--duration: '{text}' is not a duration (e.g. 90s, 5m, 1h, 00:05:00, or 0 for no limit).");
            return TimeSpan.Zero;
        }
    }
}
