using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>
/// Asks for every patient on every given silo (<c>GET /api/v1/patients/{id}</c>), sweep after sweep, and records each
/// answer by the time it came: how long twins were unreachable after a silo died, and whether they stayed
/// reachable afterwards. A request that fails or takes longer than <see cref="RequestTimeout"/> counts as a failure.
/// </summary>
internal sealed class AvailabilityProbe : IAsyncDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);

    // Sampling rate of the probe, not a wait for an event: it leaves the 2 cores to the silos between sweeps.
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMilliseconds(250);

    private readonly IReadOnlyList<HttpClient> _silos;
    private readonly IReadOnlyList<string> _patients;
    private readonly Stopwatch _clock;
    private readonly ConcurrentDictionary<int, Counts> _perSecond = new();
    private readonly ConcurrentQueue<(TimeSpan At, Answer Answer)> _failures = new();
    private readonly ConcurrentDictionary<HttpStatusCode, int> _errorStatuses = new();
    private readonly List<(TimeSpan Since, TaskCompletionSource<TimeSpan> Seen)> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sweeping;

    private AvailabilityProbe(IReadOnlyList<HttpClient> silos, IReadOnlyList<string> patients, Stopwatch clock)
    {
        _silos = silos;
        _patients = patients;
        _clock = clock;
        _sweeping = Task.Run(SweepUntilStoppedAsync);
    }

    /// <summary>When the last failed or timed-out request ended (on the probe's clock), or null when none did.</summary>
    /// <summary>How often each error status was answered (a connection failure or time-out has none).</summary>
    public IReadOnlyDictionary<HttpStatusCode, int> ErrorStatuses => _errorStatuses;

    public TimeSpan? LastFailure => _failures.IsEmpty ? null : _failures.Max(f => f.At);

    public static AvailabilityProbe Start(IReadOnlyList<HttpClient> silos, IReadOnlyList<string> patients, Stopwatch clock)
        => new(silos, patients, clock);

    /// <summary>
    /// Completes with the clock time at which the first sweep that started at or after <paramref name="since"/>
    /// ended with every patient answering 200 on every silo.
    /// </summary>
    public Task<TimeSpan> FirstFullSweepAfter(TimeSpan since)
    {
        var seen = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((since, seen));
        }

        return seen.Task;
    }

    /// <summary>Requests that failed, and that timed out, ending after <paramref name="since"/>.</summary>
    public (int Failed, int TimedOut) FailuresSince(TimeSpan since)
    {
        var later = _failures.Where(f => f.At > since).ToList();
        return (later.Count(f => f.Answer == Answer.Failed), later.Count(f => f.Answer == Answer.TimedOut));
    }

    /// <summary>
    /// The answers by second relative to <paramref name="origin"/>: one line per second with a failure, and one line
    /// per run of seconds without any.
    /// </summary>
    public IEnumerable<string> Timeline(TimeSpan origin)
    {
        var offset = (int)Math.Floor(origin.TotalSeconds);
        var seconds = _perSecond.OrderBy(s => s.Key).Select(s => (Second: s.Key - offset, s.Value)).ToList();
        for (var i = 0; i < seconds.Count;)
        {
            var run = seconds.Skip(i).TakeWhile(s => s.Value.Failed == 0 && s.Value.TimedOut == 0).ToList();
            if (run.Count == 0)
            {
                run = [seconds[i]];
            }

            var (first, last) = (run[0].Second, run[^1].Second);
            var span = first == last
                ? string.Create(CultureInfo.InvariantCulture, $"t{first:+0;-0}s")
                : string.Create(CultureInfo.InvariantCulture, $"t{first:+0;-0}s..t{last:+0;-0}s");
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  {span,-14} {run.Sum(s => s.Value.Ok),5} answered, {run.Sum(s => s.Value.Failed),3} failed, {run.Sum(s => s.Value.TimedOut),3} timed out");
            i += run.Count;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sweeping;
        _stop.Dispose();
    }

    private async Task SweepUntilStoppedAsync()
    {
        using var pace = new PeriodicTimer(SweepPeriod);
        do
        {
            var started = _clock.Elapsed;
            var answers = await Task.WhenAll(_silos.SelectMany(silo => _patients.Select(patient => AskAsync(silo, patient))));
            var ended = _clock.Elapsed;
            if (answers.All(ok => ok))
            {
                lock (_waiters)
                {
                    _waiters.RemoveAll(w => started >= w.Since && w.Seen.TrySetResult(ended));
                }
            }
        }
        while (await WaitForNextSweepAsync(pace));
    }

    private async Task<bool> WaitForNextSweepAsync(PeriodicTimer pace)
    {
        try
        {
            return await pace.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> AskAsync(HttpClient silo, string patient)
    {
        Answer answer;
        using (var timeout = new CancellationTokenSource(RequestTimeout))
        {
            try
            {
                using var response = await silo.GetAsync(new Uri($"/api/v1/patients/{patient}", UriKind.Relative), timeout.Token);
                answer = response.StatusCode == HttpStatusCode.OK ? Answer.Ok : Answer.Failed;
                if (answer == Answer.Failed)
                {
                    _errorStatuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                }
            }
            catch (OperationCanceledException)
            {
                answer = Answer.TimedOut;
            }
            catch (HttpRequestException)
            {
                answer = Answer.Failed;
            }
        }

        var now = _clock.Elapsed;
        var counts = _perSecond.GetOrAdd((int)now.TotalSeconds, _ => new Counts());
        switch (answer)
        {
            case Answer.Ok:
                Interlocked.Increment(ref counts.Ok);
                break;
            case Answer.Failed:
                Interlocked.Increment(ref counts.Failed);
                break;
            default:
                Interlocked.Increment(ref counts.TimedOut);
                break;
        }

        if (answer != Answer.Ok)
        {
            _failures.Enqueue((now, answer));
        }

        return answer == Answer.Ok;
    }

    private enum Answer
    {
        Ok,
        Failed,
        TimedOut,
    }

    private sealed class Counts
    {
        public int Ok;
        public int Failed;
        public int TimedOut;
    }
}
