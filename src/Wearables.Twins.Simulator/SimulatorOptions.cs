using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Wearables.Twins.Simulator.Fleet;

namespace Wearables.Twins.Simulator;

/// <summary>Everything a fleet run needs; the defaults are the CLI's defaults.</summary>
public sealed record SimulatorOptions
{
    public const int MaxDevices = 100_000;

    /// <summary>The service refuses envelopes with more samples than this; batches are split below it.</summary>
    public const int MaxSamplesPerMessageLimit = 1000;

    /// <summary>The broker port when none is given: plain MQTT, and MQTT over TLS (the embedded broker's TLS listener).</summary>
    public const int DefaultPort = 1883;

    public const int DefaultTlsPort = 8883;

    public int Devices { get; init; } = 10;

    public string BrokerHost { get; init; } = "127.0.0.1";

    public int BrokerPort { get; init; } = DefaultPort;

    /// <summary>Connect over TLS, trusting <see cref="CaCertificatePath"/> (or the system's roots) for the broker's certificate.</summary>
    public bool UseTls { get; init; }

    /// <summary>PEM certificate(s) the broker's certificate must chain to, e.g. the service's device authority (ca.pem).</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>
    /// Directory holding every device's client certificate as <c>{deviceId}.crt.pem</c> and its key as <c>{deviceId}.key.pem</c>,
    /// as <c>twins devices provision {deviceId} --out DIR</c> writes them; null connects without client certificates.
    /// </summary>
    public string? ClientCertificateDirectory { get; init; }

    /// <summary>The name the broker's certificate must carry; null for <see cref="BrokerHost"/>.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Base address of the service's HTTP API, used to bind devices to patients.</summary>
    public Uri Api { get; init; } = new("http://localhost:5080");

    /// <summary>Bearer token for the API (an admin's, or a clinician's whose teams follow the simulated patients).</summary>
    public string? ApiToken { get; init; }

    /// <summary>Bind each device to its patient (<c>PUT /api/v1/wearables/{id}/patient</c>) before publishing.</summary>
    public bool Bind { get; init; } = true;

    /// <summary>Real time the run lasts; <see cref="TimeSpan.Zero"/> runs until cancelled.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Simulated seconds per real second.</summary>
    public double Speed { get; init; } = 1;

    public MqttQualityOfServiceLevel Qos { get; init; } = MqttQualityOfServiceLevel.AtLeastOnce;

    public MqttProtocolVersion ProtocolVersion { get; init; } = MqttProtocolVersion.V500;

    public string DevicePrefix { get; init; } = "sim-watch-";

    public string PatientPrefix { get; init; } = "patient-";

    /// <summary>Simulated time covered by one message.</summary>
    public TimeSpan Batch { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Larger batches are split into several messages of at most this many samples.</summary>
    public int MaxSamplesPerMessage { get; init; } = 500;

    /// <summary>Root seed of every patient; null picks one (reported in the result, to reproduce the run).</summary>
    public int? Seed { get; init; }

    /// <summary>How often the live summary line is written; zero for none.</summary>
    public TimeSpan SummaryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Devices connecting at the same time.</summary>
    public int MaxConcurrentConnects { get; init; } = 32;

    /// <summary>Every problem with these options, each naming its option; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Devices is < 1 or > MaxDevices)
        {
            errors.Add($"--devices must be between 1 and {MaxDevices} (was {Devices}).");
        }

        if (string.IsNullOrWhiteSpace(BrokerHost))
        {
            errors.Add("--broker-host must not be empty.");
        }

        if (BrokerPort is < 1 or > 65535)
        {
            errors.Add($"--broker-port must be between 1 and 65535 (was {BrokerPort}).");
        }

        if (Bind && (Api is null || !Api.IsAbsoluteUri || (Api.Scheme != Uri.UriSchemeHttp && Api.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add("--api must be an absolute http(s) URL such as http://localhost:5080.");
        }

        if (Duration < TimeSpan.Zero)
        {
            errors.Add("--duration must not be negative (0 runs until Ctrl+C).");
        }

        if (!(Speed > 0) || Speed > 1_000_000)
        {
            errors.Add($"--speed must be above 0 and at most 1000000 (was {Speed}).");
        }
        else if (Duration > TimeSpan.Zero && Duration.TotalDays * Speed > 365)
        {
            errors.Add("--duration × --speed must cover at most 365 simulated days (the run starts that far in the past).");
        }

        if (Qos is not (MqttQualityOfServiceLevel.AtMostOnce or MqttQualityOfServiceLevel.AtLeastOnce))
        {
            errors.Add("--qos must be 0 or 1.");
        }

        if (ProtocolVersion is not (MqttProtocolVersion.V311 or MqttProtocolVersion.V500))
        {
            errors.Add("--mqtt-version must be 311 or 500.");
        }

        CheckPrefix(errors, "--device-prefix", DevicePrefix);
        CheckPrefix(errors, "--patient-prefix", PatientPrefix);
        CheckTls(errors);

        if (Batch < TimeSpan.FromSeconds(1) || Batch > TimeSpan.FromDays(1))
        {
            errors.Add("--batch-seconds must be between 1 and 86400.");
        }

        if (MaxSamplesPerMessage is < 1 or > MaxSamplesPerMessageLimit)
        {
            errors.Add($"MaxSamplesPerMessage must be between 1 and {MaxSamplesPerMessageLimit}.");
        }

        if (SummaryInterval < TimeSpan.Zero)
        {
            errors.Add("SummaryInterval must not be negative.");
        }

        if (MaxConcurrentConnects < 1)
        {
            errors.Add("MaxConcurrentConnects must be at least 1.");
        }

        return errors;
    }

    private void CheckTls(List<string> errors)
    {
        if (!UseTls)
        {
            if (CaCertificatePath is not null || ClientCertificateDirectory is not null || TlsServerName is not null)
            {
                errors.Add("--ca, --cert-dir and --tls-server-name apply only to a TLS connection (UseTls).");
            }

            return;
        }

        if (CaCertificatePath is not null && !File.Exists(CaCertificatePath))
        {
            errors.Add($"--ca: there is no file {Path.GetFullPath(CaCertificatePath)}.");
        }

        if (ClientCertificateDirectory is null)
        {
            return;
        }

        if (!Directory.Exists(ClientCertificateDirectory))
        {
            errors.Add($"--cert-dir: there is no directory {Path.GetFullPath(ClientCertificateDirectory)}.");
            return;
        }

        if (Devices is < 1 or > MaxDevices)
        {
            return;
        }

        // Every device needs its pair before the run starts: a fleet with holes would look like a broker problem.
        var missing = Enumerable.Range(1, Devices)
            .Select(n => DeviceCertificateFiles.In(ClientCertificateDirectory, SimulatedDevice.IdFor(DevicePrefix, n)))
            .SelectMany(f => new[] { f.Certificate, f.Key })
            .Where(path => !File.Exists(path))
            .ToList();
        if (missing.Count > 0)
        {
            errors.Add($"--cert-dir: {missing.Count} certificate or key file{(missing.Count == 1 ? " is" : "s are")} missing, e.g. "
                + $"{string.Join(", ", missing.Take(3).Select(Path.GetFileName))}. Provision each device with "
                + $"`twins devices provision <deviceId> --out {ClientCertificateDirectory}`.");
        }
    }

    private static void CheckPrefix(List<string> errors, string option, string? prefix)
    {
        // Ids become topics and grain keys: the service accepts letters, digits, '.', '_', ':' and '-'.
        if (prefix is null || prefix.Length > 100
            || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
        {
            errors.Add($"{option} may only hold letters, digits, '.', '_', ':' or '-' (at most 100).");
        }
    }
}
