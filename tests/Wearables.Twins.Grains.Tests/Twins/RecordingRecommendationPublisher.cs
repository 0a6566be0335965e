using System.Collections.Concurrent;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Grains.Tests.Twins;

/// <summary>The recommendations topic as the twins see it: keeps what they publish, per patient.</summary>
public sealed class RecordingRecommendationPublisher : IRecommendationPublisher
{
    private readonly ConcurrentQueue<Recommendation> _published = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<Recommendation, bool> Match, TaskCompletionSource<Recommendation> Done)> _waiters = [];

    public Task PublishAsync(Recommendation recommendation, CancellationToken cancellationToken = default)
    {
        _published.Enqueue(recommendation);
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.Match(recommendation)).ToArray())
            {
                waiter.Done.TrySetResult(recommendation);
                _waiters.Remove(waiter);
            }
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<Recommendation> For(string patientId) => [.. _published.Where(r => r.PatientId == patientId)];

    /// <summary>Completes when a matching recommendation is (or already was) published.</summary>
    public Task<Recommendation> WaitForAsync(Func<Recommendation, bool> match)
    {
        lock (_gate)
        {
            if (_published.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }

            var done = new TaskCompletionSource<Recommendation>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task;
        }
    }
}
