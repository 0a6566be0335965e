using System.Globalization;
using Wearables.Twins.Benchmarks.Infrastructure;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>Anything in a run that deserves a second look, one sentence each.</summary>
internal static class IngestNotes
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> For(IReadOnlyList<RoundResult> rounds)
    {
        var notes = new List<string>();
        foreach (var r in rounds)
        {
            var p = r.Publisher;
            if (!r.Saturated)
            {
                notes.Add($"round {r.Round}: the slowest device caught up with simulated time, so the fleet was sometimes idle; raise --speed.");
            }

            if (p.NonSuccessAcks > 0)
            {
                notes.Add(string.Create(Invariant,
                    $"round {r.Round}: {p.NonSuccessAcks} non-success PUBACKs ({string.Join(", ", p.AcksByReason.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}"))})."));
            }

            if (p.Reconnects > 0 || p.PublishFailures > 0 || p.ConnectFailures > 0)
            {
                notes.Add(string.Create(Invariant,
                    $"round {r.Round}: {p.Reconnects} reconnects, {p.ConnectFailures} failed connects, {p.PublishFailures} failed publishes."));
            }

            if (r.BrokerCounted is { } counted && (counted.Messages < p.Messages || counted.Samples < p.Samples))
            {
                notes.Add(string.Create(Invariant,
                    $"round {r.Round}: the baseline broker counted {counted.Messages} messages / {counted.Samples} samples, fewer than the {p.Messages} / {p.Samples} the publisher had acknowledged."));
            }

            if (r.Resources.Others is { } others && others > 0.25 * Environment.ProcessorCount)
            {
                notes.Add(string.Create(Invariant,
                    $"round {r.Round}: other processes used {others:0.00} of {Environment.ProcessorCount} cores; this round's rates are lower than a quiet machine would give."));
            }

            AddTwinNotes(notes, r);
            if (r.HostProblems.Count > 0)
            {
                notes.Add(string.Create(Invariant,
                    $"round {r.Round}: the host logged {r.HostProblems.Count} warning/error lines, first: `{r.HostProblems[0]}`"));
            }
        }

        if (BuildInfo.Configuration != "Release")
        {
            notes.Add($"built in {BuildInfo.Configuration}, not Release: the numbers are not representative.");
        }

        return notes;
    }

    private static void AddTwinNotes(List<string> notes, RoundResult r)
    {
        if (r.Twins is not { } twins)
        {
            return;
        }

        if (twins.InMessageDuplicates > 0 || twins.HostRejected > 0 || twins.HostRefusedMessages > 0)
        {
            notes.Add(string.Create(Invariant,
                $"round {r.Round}: the host counted {twins.InMessageDuplicates} in-message duplicates, {twins.HostRejected} rejected samples and {twins.HostRefusedMessages} refused messages; the simulator should send none."));
        }

        if (twins.HostAccepted is null)
        {
            notes.Add($"round {r.Round}: the host's /metrics had no twins_ingest_samples_accepted_total; in-message duplicates were taken as 0.");
        }
        else if (twins.WearableSamples < twins.HostAccepted)
        {
            notes.Add(string.Create(Invariant,
                $"round {r.Round}: the wearable twins hold {twins.WearableSamples} samples but the host's log accepted {twins.HostAccepted}: a batch was durable but not (yet) applied."));
        }
        else if (twins.WearableSamples > twins.HostAccepted)
        {
            notes.Add(string.Create(Invariant,
                $"round {r.Round}: the wearable twins hold {twins.WearableSamples} samples, more than the {twins.HostAccepted} the host's log counted during the round."));
        }

        if (twins.WearableDuplicates > 0 || twins.WearablePending > 0)
        {
            notes.Add(string.Create(Invariant,
                $"round {r.Round}: wearable twins report {twins.WearableDuplicates} duplicate samples and {twins.WearablePending} samples held unbound."));
        }

        if (twins.PatientSamples < twins.WearableSamples)
        {
            notes.Add(string.Create(Invariant,
                $"round {r.Round}: the patient twins added {twins.PatientSamples} samples, {twins.WearableSamples - twins.PatientSamples} fewer than the wearables forwarded (duplicates or older than the patient's window)."));
        }
    }
}
