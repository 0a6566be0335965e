using System.Collections.Concurrent;
using MQTTnet;

namespace Wearables.Twins.Simulator.Fleet;

/// <summary>Counters shared by every device of a run; updated lock-free.</summary>
internal sealed class FleetCounters
{
    private readonly ConcurrentDictionary<MqttClientPublishReasonCode, long> _reasons = new();
    private long _messages;
    private long _samples;
    private long _bytes;
    private long _acks;
    private long _nonSuccess;
    private long _publishFailures;
    private long _abandoned;
    private long _connects;
    private long _reconnects;
    private long _connectFailures;
    private int _connected;
    private string? _lastError;

    public long Messages => Interlocked.Read(ref _messages);

    public long Samples => Interlocked.Read(ref _samples);

    public long Acks => Interlocked.Read(ref _acks);

    public long NonSuccessAcks => Interlocked.Read(ref _nonSuccess);

    public int Connected => Volatile.Read(ref _connected);

    /// <summary>The latest connection or publish problem, for the live summary.</summary>
    public string? LastError
    {
        get => Volatile.Read(ref _lastError);
        set => Volatile.Write(ref _lastError, value);
    }

    public void Published(int samples, int bytes)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _samples, samples);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void Acked(MqttClientPublishReasonCode reason)
    {
        Interlocked.Increment(ref _acks);
        _reasons.AddOrUpdate(reason, 1, (_, count) => count + 1);
        if ((int)reason >= 0x80)
        {
            Interlocked.Increment(ref _nonSuccess);
        }
    }

    public void PublishFailed() => Interlocked.Increment(ref _publishFailures);

    public void Abandoned() => Interlocked.Increment(ref _abandoned);

    public void ConnectFailed() => Interlocked.Increment(ref _connectFailures);

    public void ConnectionUp(bool first)
    {
        Interlocked.Increment(ref first ? ref _connects : ref _reconnects);
        Interlocked.Increment(ref _connected);
    }

    public void ConnectionDown() => Interlocked.Decrement(ref _connected);

    public IReadOnlyDictionary<MqttClientPublishReasonCode, long> AcksByReason()
        => _reasons.ToDictionary(r => r.Key, r => r.Value);

    public SimulatorResult ToResult() => new()
    {
        Messages = Messages,
        Samples = Samples,
        PayloadBytes = Interlocked.Read(ref _bytes),
        Acks = Acks,
        AcksByReason = AcksByReason(),
        NonSuccessAcks = NonSuccessAcks,
        PublishFailures = Interlocked.Read(ref _publishFailures),
        Abandoned = Interlocked.Read(ref _abandoned),
        Connects = Interlocked.Read(ref _connects),
        Reconnects = Interlocked.Read(ref _reconnects),
        ConnectFailures = Interlocked.Read(ref _connectFailures),
    };
}
