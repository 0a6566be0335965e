using System.Globalization;
using System.Text;
using Wearables.Twins.Benchmarks.Reporting;

namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>The <c>notify</c> section of docs/benchmarks.md.</summary>
internal static class NotifyMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(NotifySummary summary, MachineInfo machine, DateTimeOffset started, (string Before, string After) load)
    {
        var settings = summary.Settings;
        var text = new StringBuilder();
        text.AppendLine("## Detect to notify: AF episode → recommendation → email (`notify`)").AppendLine();
        text.AppendLine(Invariant, $"""
            The real host process (Release, fresh data directory, embedded messaging, email over SMTP to a local smtp4dev
            {Testing.SmtpServer.Version}) with {settings.Patients} patients, each enrolled through the REST API with a contact email, the
            same care team and a bound watch. Each watch posts one atrial-fibrillation episode (six 2-minute tachograms, RR
            intervals ±20 % around ~700 ms, one `POST /api/v1/telemetry`) as the device; the host's risk engine opens an
            `irregular_rhythm` finding, its recommendation goes through the patient twin's outbox onto the workers' queues, and
            the notification worker emails the patient. {settings.Concurrent} stream(s) post, each starting its posts a random
            {settings.MinPauseMilliseconds}–{settings.MaxPauseMilliseconds} ms apart (seed {settings.Seed}); {settings.Warmup} warm-up patients went
            through the same path one at a time first, unreported.
            """).AppendLine();

        text.AppendLine("**Where each time is taken** (all UTC on the same machine's clock)").AppendLine();
        text.AppendLine("""
            - **t0, sample acknowledged**: this process's clock when the `202 Accepted` headers arrive; the host answers 202
              only once the samples are fsync'd in its telemetry log and applied to the twins.
            - **On the workers' queue**: the host's own timestamp (console logger, taken at the log call, µs) of
              `MessagingLog.Enqueued` (event 6007, Debug, enabled for this run only), which the embedded transport writes right
              after the SQLite transaction that put the recommendation on every matching queue (`notifications`, the care
              team's alerts, …) committed with `synchronous = FULL`. The recommendation id (`{patient}/…`) ties it to the patient.
            - **Accepted by SMTP**: two observers see the server's `250` to the mail's data only afterwards: smtp4dev stamps
              `receivedDate` when it stores the mail (about 0.5 ms after the 250 on an idle server, later when it is busy),
              and the worker logs `Sent email notification` (event 6100) after the 250 and its idempotency-ledger write. The
              earlier of the two is taken, the tighter upper bound; the last row shows how far they disagree (positive: smtp4dev
              was first).
            """).AppendLine();

        BenchmarkMarkdown.AppendHostMachine(text, machine, started, load, summary.ResourceLine());
        BenchmarkMarkdown.AppendReproduce(text, settings.ReproduceCommand());

        text.AppendLine("**Results**").AppendLine();
        text.Append(summary.StageTable().ToMarkdown()).AppendLine();
        var episodes = summary.Result.Episodes.Count;
        var p99Rank = (int)Math.Ceiling(0.99 * episodes);
        text.AppendLine(Invariant, $"""
            Percentiles by nearest rank over the N episodes, so each is a measured value; with N = {episodes}, p99 is the
            {(p99Rank >= episodes ? "slowest episode (the maximum)" : $"episode at rank {p99Rank} of {episodes}, fastest first")}.
            """).AppendLine();

        text.AppendLine("**Reading it**").AppendLine();
        text.AppendLine("""
            - *202 → queue* has a deliberate floor of 2 s: the patient twin scores risk on a grain timer debounced by
              `PatientGrain.RiskDebounce` (2 s), so a burst of batches is scored once instead of once per batch. The timer
              starts when the twin takes the batch, a little before the 202 reaches the device, so this stage can come out a
              few ms under 2 s. Above the floor are the risk engine's evaluation, the outbox drain and the durable SQLite commit.
            - *queue → SMTP* is the notification worker: the consumer wakes on the in-process publish signal (its 250 ms
              poll is only the fallback), reads the contact preferences (SQLite), checks the ledger and rate limit, renders
              the template and sends over its one kept-open MailKit connection (sends are serialised behind one gate).
            """).AppendLine();

        BenchmarkMarkdown.AppendNotes(text, summary.Notes());
        return text.ToString();
    }
}
