using System.Globalization;
using System.Text;
using Wearables.Twins.Benchmarks.Reporting;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>The <c>ingest</c> section of docs/benchmarks.md.</summary>
internal static class IngestMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(IngestSummary summary, MachineInfo machine, DateTimeOffset started, (string Before, string After) load)
    {
        var settings = summary.Settings;
        var text = new StringBuilder();
        text.AppendLine("## Ingest: MQTT devices → durable log → twins (`ingest`)").AppendLine();
        text.AppendLine(Invariant, $"""
            The same simulated fleet ({settings.Devices} devices from `src/Wearables.Twins.Simulator`, one MQTT 5 connection
            each, QoS 1, seed {settings.Seed}, {settings.BatchSeconds} simulated seconds of vitals per message at {settings.Speed:0.#}×,
            so every device is always behind and publishes its next message as soon as the previous PUBACK arrives)
            publishes for {settings.Seconds} s to two targets, alternately:

            - **baseline**: an in-process MQTTnet 5 broker whose publish hook only counts messages and samples and answers
              Success;
            - **end to end**: the real host process (`src/Wearables.Twins.Host`, Release, started like the integration tests
              start it, fresh data directory per round), where a PUBACK means the samples were decoded, validated, fsync'd in
              the telemetry log (group commit) and applied to the wearable twin and the patient twin. After each end-to-end
              round every wearable and patient twin is read back through the REST API.

            Each round starts a fresh target and first warms it up for {settings.WarmupSeconds} s with a fleet of its own (other device and
            patient ids, not reported), so the measurement is of a warm process, not of JIT and grain activation; before round 1
            the publisher itself also warms up for {settings.WarmupSeconds} s against a throwaway broker.
            """).AppendLine();

        BenchmarkMarkdown.AppendHostMachine(text, machine, started, load);
        BenchmarkMarkdown.AppendReproduce(text, settings.ReproduceCommand());

        text.AppendLine("**Results**").AppendLine();
        text.Append(summary.ResultsTable().ToMarkdown()).AppendLine();
        text.AppendLine(Invariant, $"**{summary.RatioLine()}**").AppendLine();
        text.AppendLine("""
            *Round trip* is the mean publish→PUBACK time by Little's law (devices ÷ messages/s, one message in flight per
            device). *Publisher CPU* is the benchmark process (the simulator, and in baseline rounds also the bare broker),
            *host CPU* the host process, *other CPU* everything else on the machine meanwhile (from `/proc/stat`); all in cores,
            averaged over the round. *CPU/msg* is publisher + host CPU time per message. *Host writes* is what the host wrote to
            disk (`/proc/{pid}/io`), *other writes* what the rest of the machine wrote meanwhile (`/proc/diskstats`), which
            competes with the host's fsyncs. *Host peak RSS* is the host's `VmHWM` just before it was stopped.
            """).AppendLine();

        text.AppendLine("**Twin read-back after each end-to-end round** (REST: `GET /api/v1/wearables/{id}`, `GET /api/v1/patients/{id}`)").AppendLine();
        text.Append(summary.TwinsTable().ToMarkdown()).AppendLine();
        text.AppendLine("""
            *Required* = acknowledged − in-message duplicates − rejected; the check passes when the wearables' `samples` add up
            to at least that. In-message duplicates and rejections come from the host's `/metrics` counters. The twins may hold a
            little more than was acknowledged: at the deadline each device's last publish is abandoned while in flight, so the
            publisher does not count it, but the host may already have stored and applied it.
            """).AppendLine();

        text.AppendLine("**Within each round** (target-side counter read every 5 s: the bare broker's count, or the host's `twins_ingest_messages_total`)").AppendLine();
        text.Append(summary.TimelineTable().ToMarkdown()).AppendLine();
        text.AppendLine("""
            A checkpoint is the host's 30-second timer persisting every touched wearable and patient twin to SQLite and moving
            the log's checkpoint; its time is when the host logged it as done.
            """).AppendLine();

        var notes = IngestNotes.For(summary.Rounds);
        BenchmarkMarkdown.AppendNotes(text, notes);
        if (notes.Count > 0)
        {
            text.AppendLine();
        }

        text.AppendLine("**What bounds the end-to-end rate**").AppendLine();
        text.AppendLine(Interpretation(summary, machine));
        return text.ToString();
    }

    private static string Interpretation(IngestSummary summary, MachineInfo machine)
    {
        var baseline = summary.Baselines;
        var e2e = summary.EndToEnds;
        if (baseline.Count == 0 || e2e.Count == 0)
        {
            return "Not enough rounds to interpret.";
        }

        var devices = summary.Settings.Devices;
        var tripB = baseline.Average(r => r.MeanRoundTripMilliseconds);
        var tripE = e2e.Average(r => r.MeanRoundTripMilliseconds);
        var wait = e2e.Average(r => r.HostMetrics?.MeanDurableMilliseconds ?? 0);
        var cpuB = baseline.Average(r => r.CpuMillisecondsPerMessage);
        var cpuE = e2e.Average(r => r.CpuMillisecondsPerMessage);
        var busy = summary.Rounds.Average(r => r.Resources.Machine ?? 0);
        var others = summary.Rounds.Average(r => r.Resources.Others ?? 0);
        var otherWrites = summary.Rounds.Average(r => r.Resources.OtherWriteMegabytesPerSecond ?? 0);
        var saturated = busy >= 0.9 * machine.Cores;
        var cpuSentence = saturated
            ? $"The {machine.Cores} cores were saturated in every round ({busy:0.00} of {machine.Cores} busy on average, shared by the " +
              $"simulator, the broker, the host and other processes): end to end costs {cpuE:0.00} ms of CPU per message " +
              $"(simulator + host) against {cpuB:0.00} ms for the simulator and the bare broker, so on this box the ratio is bound by " +
              "CPU as much as by the disk, with the load generator competing with the host for the same cores."
            : $"The machine had CPU to spare ({busy:0.00} of {machine.Cores} cores busy on average), so the round trip, not the CPU, " +
              $"set the rate; end to end costs {cpuE:0.00} ms of CPU per message (simulator + host) against {cpuB:0.00} ms for the " +
              "simulator and the bare broker.";
        return string.Create(Invariant, $"""
            Every device keeps exactly one QoS 1 message in flight, so a path's rate is {devices} devices ÷ round trip, and the
            host's PUBACK waits for the fsync'd telemetry log and the wearable→patient grain calls: that takes the mean round
            trip from {tripB:0.0} ms (baseline) to {tripE:0.0} ms (end to end).
            Of that, {wait:0.0} ms ({(tripE > 0 ? wait / tripE : 0):P0}) is the wait for the log (the append queue, the write and a
            group-commit fsync that every envelope arriving meanwhile shares, so the disk costs one fsync per group rather than per
            message, plus the writer waiting for a core on a busy box); the other {tripE - wait:0.0} ms are MQTT, decoding and
            validation, serialisation, the two grain calls and waiting for a core.
            {cpuSentence}
            Other processes took {others:0.00} cores and wrote {otherWrites:0.0} MB/s on average during the rounds (writes by others can
            slow the host's fsyncs, never the baseline), which is why only the ratio ({summary.MeanRatio:0.000}), measured under the
            same noise, is meant to be compared between runs.
            """);
    }
}
