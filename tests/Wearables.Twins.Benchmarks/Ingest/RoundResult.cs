using Wearables.Twins.Simulator;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>One measured round: what the publisher saw, plus what the target says about itself.</summary>
internal sealed record RoundResult
{
    public required int Round { get; init; }

    public required IngestPath Path { get; init; }

    public required SimulatorResult Publisher { get; init; }

    /// <summary>True when the slowest device was still behind simulated time at the end: the fleet was never idle.</summary>
    public required bool Saturated { get; init; }

    /// <summary>Who used the machine's cores and disk during the round.</summary>
    public required ResourceUse Resources { get; init; }

    /// <summary>The host's VmHWM just before it was stopped (end to end only).</summary>
    public long? HostPeakRssBytes { get; init; }

    /// <summary>Messages and samples the baseline broker counted (baseline only).</summary>
    public (long Messages, long Samples)? BrokerCounted { get; init; }

    /// <summary>The REST read-back of the twins (end to end only).</summary>
    public TwinCheck? Twins { get; init; }

    /// <summary>The host's ingest counters after the round (end to end only).</summary>
    public HostMetrics? HostMetrics { get; init; }

    /// <summary>Messages per second the target received in each 5-second interval of the round.</summary>
    public IReadOnlyList<double> IntervalRates { get; init; } = [];

    /// <summary>Seconds into the round at which the host logged a completed checkpoint (end to end only).</summary>
    public IReadOnlyList<double> Checkpoints { get; init; } = [];

    /// <summary>Warning and error lines the host logged during the round (end to end only).</summary>
    public IReadOnlyList<string> HostProblems { get; init; } = [];

    /// <summary>With one message in flight per device, Little's law gives the mean publish→PUBACK time.</summary>
    public double MeanRoundTripMilliseconds
        => Publisher.MessagesPerSecond > 0 ? Publisher.Devices / Publisher.MessagesPerSecond * 1000 : double.NaN;

    /// <summary>CPU milliseconds the publisher and the target spent per message, together.</summary>
    public double CpuMillisecondsPerMessage
        => Publisher.Messages > 0
            ? (Resources.Publisher + (Resources.Host ?? 0)) * Resources.WallSeconds / Publisher.Messages * 1000
            : double.NaN;

    public double SamplesPerMessage => Publisher.Messages > 0 ? (double)Publisher.Samples / Publisher.Messages : 0;

    /// <summary>Everything the round promised held: every PUBACK was a success and the twins hold the samples.</summary>
    public bool Ok => Publisher.NonSuccessAcks == 0 && Publisher.Messages > 0 && (Twins?.Passed ?? true);
}
