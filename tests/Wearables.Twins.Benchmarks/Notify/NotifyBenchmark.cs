using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Wearables.Twins.Benchmarks.Infrastructure;
using Wearables.Twins.Benchmarks.Ingest;
using Wearables.Twins.Testing;
using Wearables.Twins.Testing.Hosting;

namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>
/// smtp4dev and the real host (SMTP email transport, as the end-to-end test configures it); patients enrolled through
/// the API; warm-up patients one at a time; then every measured patient's watch posts one AF episode at a random pace,
/// and each stage is timed from the host's log and smtp4dev's receipt.
/// </summary>
internal sealed class NotifyBenchmark(NotifySettings settings, TextWriter output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public sealed record Result(
        IReadOnlyList<EpisodeTiming> Episodes, ResourceUse Resources, TimeSpan PostingSpan, IReadOnlyList<string> HostProblems, bool SharedSmtp);

    private sealed record Post(NotifyPatient Patient, DateTimeOffset Sent, DateTimeOffset Acked);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var sharedSmtp = Environment.GetEnvironmentVariable(LocalServers.SmtpVariable) is { Length: > 0 };
        var smtp = await LocalServers.SmtpAsync();
        await output.WriteLineAsync($"smtp4dev: {smtp.Smtp} (API {smtp.Api}){(sharedSmtp ? ", shared" : string.Empty)}");
        using var data = new TempDirectory();
        var hostSettings = new Dictionary<string, string>(HostLogStamps.HostSettings)
        {
            ["Twins:Notifications:EmailTransport"] = "Smtp",
            ["Twins:Notifications:Smtp:Host"] = smtp.Smtp.Host,
            ["Twins:Notifications:Smtp:Port"] = smtp.Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Twins:Notifications:Smtp:Security"] = "None",
            ["Twins:Notifications:Smtp:FromAddress"] = "alerts@twins.test",
        };
        await using var host = await BenchmarkHost.StartAsync(data.Path, hostSettings, cancellationToken);
        using var receipts = new SmtpReceipts(smtp);
        using var devices = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // A run id in every address, so a shared smtp4dev's older mail never matches.
        var run = Guid.NewGuid().ToString("N")[..8];
        var warmups = Enumerable.Range(1, settings.Warmup).Select(i => NotifyPatient.Create(run, "w", i)).ToArray();
        var patients = Enumerable.Range(1, settings.Patients).Select(i => NotifyPatient.Create(run, "p", i)).ToArray();
        await NotifyPatient.CreateCareTeamAsync(host.Http, cancellationToken);
        foreach (var patient in warmups.Concat(patients))
        {
            await patient.EnrolAsync(host.Http, cancellationToken);
        }

        var tokens = DeviceTokens.Issue(data.Path, warmups.Concat(patients));

        await output.WriteLineAsync($"host ready, {warmups.Length} warm-up and {patients.Length} measured patients enrolled (run {run})");
        for (var i = 0; i < warmups.Length; i++)
        {
            await PostEpisodeAsync(devices, tokens, warmups[i], new Random(settings.Seed + 10_000 + i), cancellationToken);
            var warm = await WaitForEmailsAsync(receipts, warmups[i].Email, [warmups[i]], TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken);
            if (warm.Count == 0)
            {
                throw new InvalidOperationException($"Warm-up patient {warmups[i].PatientId} got no email within {settings.TimeoutSeconds} s; host output:\n{host.Output}");
            }
        }

        await output.WriteLineAsync($"warm-up done; posting {patients.Length} episodes in {settings.Concurrent} stream(s), " +
                                    $"one every {settings.MinPauseMilliseconds}–{settings.MaxPauseMilliseconds} ms per stream");
        var self = Process.GetCurrentProcess();
        var selfBefore = self.TotalProcessorTime;
        var hostBefore = host.CpuTime();
        var machineBefore = SystemCpu.Now();
        var measuring = Stopwatch.StartNew();
        var since = DateTimeOffset.UtcNow;

        var posts = await PostAllAsync(devices, tokens, patients, cancellationToken);
        var postingSpan = posts.Max(p => p.Acked) - posts.Min(p => p.Sent);
        var mail = await WaitForEmailsAsync(receipts, run + "-p-", patients, TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken);
        await WaitForSentLinesAsync(host, since, mail.Count, cancellationToken);

        self.Refresh();
        var elapsed = measuring.Elapsed.TotalSeconds;
        var resources = new ResourceUse(
            elapsed, (self.TotalProcessorTime - selfBefore).TotalSeconds / elapsed, (host.CpuTime() - hostBefore).TotalSeconds / elapsed,
            SystemCpu.Now().BusyCoresSince(machineBefore));

        var lines = host.LinesSince(since).Select(l => l.Line).ToArray();
        var episodes = Match(posts, HostLogStamps.Enqueued(lines), mail, HostLogStamps.EmailsSent(lines));
        var problems = lines.Where(l => l.Contains(" warn: ", StringComparison.Ordinal) || l.Contains(" fail: ", StringComparison.Ordinal)
                                        || l.Contains(" crit: ", StringComparison.Ordinal)).ToArray();
        return new Result(episodes, resources, postingSpan, problems, sharedSmtp);
    }

    /// <summary>
    /// <see cref="NotifySettings.Concurrent"/> streams take the next patient in turn; each stream starts its posts a
    /// random 250–750 ms (by default) apart, or at once when the previous post took longer than that.
    /// </summary>
    private async Task<IReadOnlyList<Post>> PostAllAsync(HttpClient devices, Dictionary<string, string> tokens, NotifyPatient[] patients, CancellationToken cancellationToken)
    {
        var next = -1;
        var posts = new Post[patients.Length];
        async Task StreamAsync(int stream)
        {
            var pace = new Random(settings.Seed * 1_000 + stream);
            int index;
            while ((index = Interlocked.Increment(ref next)) < patients.Length)
            {
                var started = Stopwatch.GetTimestamp();
                var pause = TimeSpan.FromMilliseconds(pace.Next(settings.MinPauseMilliseconds, settings.MaxPauseMilliseconds + 1));
                posts[index] = await PostEpisodeAsync(devices, tokens, patients[index], new Random(settings.Seed + index), cancellationToken);
                var wait = pause - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, settings.Concurrent).Select(StreamAsync));
        return posts;
    }

    /// <summary>The watch posts its episode over HTTP; the 202 means the samples are in the fsync'd telemetry log.</summary>
    private static async Task<Post> PostEpisodeAsync(HttpClient devices, Dictionary<string, string> tokens, NotifyPatient patient, Random random, CancellationToken cancellationToken)
    {
        var body = AfEpisode.Envelope(patient.WearableId, patient.WearableId + "-af-1", DateTimeOffset.UtcNow, random);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/telemetry", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = TestTokens.Bearer(tokens[patient.WearableId]);
        var sent = DateTimeOffset.UtcNow;
        using var response = await devices.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var acked = DateTimeOffset.UtcNow;
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException(
                $"POST /api/v1/telemetry for {patient.WearableId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return new Post(patient, sent, acked);
    }

    /// <summary>
    /// Polls smtp4dev until every patient has mail or the timeout passes. The poll interval does not bias the numbers:
    /// the time used is the server's own receipt stamp.
    /// </summary>
    private static async Task<IReadOnlyList<SmtpReceipts.Receipt>> WaitForEmailsAsync(
        SmtpReceipts receipts, string addressPart, IReadOnlyList<NotifyPatient> patients, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var wanted = patients.Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var mail = await receipts.ForAsync(addressPart, cancellationToken);
            var arrived = mail.Select(m => m.To).Where(wanted.Contains).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (arrived.Count == wanted.Count || deadline.Elapsed > timeout)
            {
                return mail;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>The worker logs "sent" a moment after the SMTP server's 250 (it records the send first); wait for those lines.</summary>
    private static async Task WaitForSentLinesAsync(TwinsHostProcess host, DateTimeOffset since, int expected, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (HostLogStamps.EmailsSent(host.LinesSince(since).Select(l => l.Line)).Count < expected && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static List<EpisodeTiming> Match(
        IReadOnlyList<Post> posts, IReadOnlyList<HostLogStamps.Stamp> enqueued, IReadOnlyList<SmtpReceipts.Receipt> mail, IReadOnlyList<HostLogStamps.Stamp> sent)
    {
        var episodes = new List<EpisodeTiming>(posts.Count);
        foreach (var post in posts)
        {
            // Recommendation ids are "{patient}/{finding kind}/{ticks}#{revision}".
            var prefix = post.Patient.PatientId + "/";
            var ours = enqueued.Where(e => e.Id.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            var rhythm = ours.FirstOrDefault(e => e.Detail == "irregular_rhythm");
            var emails = mail.Where(m => string.Equals(m.To, post.Patient.Email, StringComparison.OrdinalIgnoreCase)).ToArray();
            var logged = rhythm is null ? null : sent.FirstOrDefault(s => s.Id == rhythm.Id);
            episodes.Add(new EpisodeTiming(
                post.Patient, post.Sent, post.Acked, rhythm?.Id, rhythm?.At,
                emails.Length > 0 ? emails[0].ReceivedAt : null, logged?.At, emails.Length,
                [.. ours.Where(e => e.Detail != "irregular_rhythm").Select(e => e.Detail)]));
        }

        return episodes;
    }
}
