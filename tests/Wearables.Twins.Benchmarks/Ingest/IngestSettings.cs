using System.Globalization;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Wearables.Twins.Simulator;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>What the ingest benchmark runs; every round uses the same fleet, only the target differs.</summary>
internal sealed record IngestSettings
{
    public int Devices { get; init; } = 64;

    /// <summary>Real time of one measured round.</summary>
    public int Seconds { get; init; } = 20;

    /// <summary>Simulated seconds per real second: high enough that every device is always behind and publishes back to back.</summary>
    public double Speed { get; init; } = 200_000;

    /// <summary>Simulated seconds per message; 120 s of the simulator's vitals is about 35 samples.</summary>
    public int BatchSeconds { get; init; } = 120;

    public int Seed { get; init; } = 42;

    /// <summary>Baseline/end-to-end pairs, run alternately (B, E, B, E, …).</summary>
    public int Pairs { get; init; } = 2;

    /// <summary>
    /// Before each measured round, an unreported fleet with its own device ids publishes to the round's fresh target for
    /// this long, so the round measures a warm process (JIT, tiering, connections, grain activation), not a cold start.
    /// </summary>
    public int WarmupSeconds { get; init; } = 10;

    /// <summary>The markdown file whose ingest section is rewritten; null to leave the docs alone.</summary>
    public string? DocsPath { get; init; }

    /// <summary>Problems with the settings, each naming its option; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Seconds < 1)
        {
            errors.Add("--seconds must be at least 1.");
        }

        if (Pairs < 1)
        {
            errors.Add("--pairs must be at least 1.");
        }

        if (WarmupSeconds < 0)
        {
            errors.Add("--warmup-seconds must not be negative.");
        }

        errors.AddRange(Simulator(brokerPort: 1883, bind: false, api: null, TimeSpan.FromSeconds(Seconds)).Validate());
        if (WarmupSeconds > 0)
        {
            errors.AddRange(WarmUp(brokerPort: 1883, bind: false, api: null).Validate().Select(e => "warm-up: " + e));
        }
        return errors;
    }

    /// <summary>The simulator options of one round: identical for both paths except the broker port and binding.</summary>
    public SimulatorOptions Simulator(int brokerPort, bool bind, Uri? api, TimeSpan duration) => new()
    {
        Devices = Devices,
        BrokerHost = "127.0.0.1",
        BrokerPort = brokerPort,
        Bind = bind,
        Api = api ?? new Uri("http://127.0.0.1:5080"),
        Duration = duration,
        Speed = Speed,
        Batch = TimeSpan.FromSeconds(BatchSeconds),
        Seed = Seed,
        Qos = MqttQualityOfServiceLevel.AtLeastOnce,
        ProtocolVersion = MqttProtocolVersion.V500,
        SummaryInterval = TimeSpan.FromSeconds(5),
    };

    /// <summary>The warm-up fleet of a round: the same options with other device and patient ids, and no live lines.</summary>
    public SimulatorOptions WarmUp(int brokerPort, bool bind, Uri? api) => Simulator(brokerPort, bind, api, TimeSpan.FromSeconds(WarmupSeconds)) with
    {
        DevicePrefix = "warmup-watch-",
        PatientPrefix = "warmup-patient-",
        SummaryInterval = TimeSpan.Zero,
    };

    /// <summary>The command line that reproduces this run, from the repository root.</summary>
    public string ReproduceCommand()
        => string.Create(CultureInfo.InvariantCulture,
            $"dotnet run -c Release --project tests/Wearables.Twins.Benchmarks -- ingest --devices {Devices} --seconds {Seconds} " +
            $"--speed {Speed} --batch-seconds {BatchSeconds} --seed {Seed} --pairs {Pairs} --warmup-seconds {WarmupSeconds}");
}
