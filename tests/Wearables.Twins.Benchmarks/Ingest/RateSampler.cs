using System.Diagnostics;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>
/// Reads a target-side message counter every interval while a round runs, so the report can show how the
/// rate moved within the round (warm-up, checkpoints, noise) and not only its average.
/// </summary>
internal sealed class RateSampler(Func<CancellationToken, Task<long?>> readCounter, TimeSpan interval) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _rates = [];
    private Task? _loop;

    /// <summary>Messages per second in each completed interval, in order.</summary>
    public IReadOnlyList<double> Rates => _rates;

    public void Start() => _loop = RunAsync(_stop.Token);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var last = await readCounter(cancellationToken);
            var clock = Stopwatch.StartNew();
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = await readCounter(cancellationToken);
                var seconds = clock.Elapsed.TotalSeconds;
                clock.Restart();
                if (now is { } current && last is { } previous && seconds > 0)
                {
                    _rates.Add((current - previous) / seconds);
                }

                last = now;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The round is over.
        }
        catch (HttpRequestException)
        {
            // The target went away; the rates so far stand.
        }
    }
}
