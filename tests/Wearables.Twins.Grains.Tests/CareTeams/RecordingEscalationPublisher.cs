using System.Collections.Concurrent;
using Wearables.Twins.CareTeams;

namespace Wearables.Twins.Grains.Tests.CareTeams;

/// <summary>The escalation topic as the inboxes see it: keeps what they publish, and can be made to refuse per team.</summary>
public sealed class RecordingEscalationPublisher : ICareTeamEscalationPublisher
{
    private readonly ConcurrentQueue<CareTeamEscalationNotice> _published = new();
    private readonly ConcurrentDictionary<string, byte> _failingTeams = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<(Func<CareTeamEscalationNotice, bool> Match, TaskCompletionSource<CareTeamEscalationNotice> Done)> _waiters = [];

    public Task PublishAsync(CareTeamEscalationNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (_failingTeams.ContainsKey(notice.TeamId))
        {
            throw new InvalidOperationException("The topic is unreachable (test).");
        }

        _published.Enqueue(notice);
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.Match(notice)).ToArray())
            {
                waiter.Done.TrySetResult(notice);
                _waiters.Remove(waiter);
            }
        }

        return Task.CompletedTask;
    }

    public void FailFor(string teamId) => _failingTeams[teamId] = 0;

    public void RecoverFor(string teamId) => _failingTeams.TryRemove(teamId, out _);

    public IReadOnlyList<CareTeamEscalationNotice> For(string teamId) => [.. _published.Where(n => n.TeamId == teamId)];

    /// <summary>Completes when a matching notice is (or already was) published.</summary>
    public Task<CareTeamEscalationNotice> WaitForAsync(Func<CareTeamEscalationNotice, bool> match)
    {
        lock (_gate)
        {
            if (_published.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }

            var done = new TaskCompletionSource<CareTeamEscalationNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task;
        }
    }
}
