using System.Collections.Concurrent;
using System.Globalization;
using MQTTnet;

namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>
/// Simulated wearables publishing one heart-rate sample per message (QoS 1) to an external broker at a steady
/// pace. Each remembers the samples the broker acknowledged: the set the service promises never to lose.
/// </summary>
internal sealed class DeviceFleet : IAsyncDisposable
{
    private readonly MqttDevice[] _devices;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _acknowledged = new(StringComparer.Ordinal);
    private readonly List<(int Count, TaskCompletionSource Reached)> _milestones = [];
    private int _total;

    private DeviceFleet(MqttDevice[] devices)
    {
        _devices = devices;
        foreach (var device in devices)
        {
            _acknowledged[device.DeviceId] = new ConcurrentQueue<DateTimeOffset>();
        }
    }

    /// <summary>Acknowledgements received so far, all devices together.</summary>
    public int Acknowledged => Volatile.Read(ref _total);

    public static async Task<DeviceFleet> ConnectAsync(int port, IEnumerable<string> deviceIds)
        => new(await Task.WhenAll(deviceIds.Select(id => MqttDevice.ConnectAsync(port, id))));

    /// <summary>The sample times the broker acknowledged to <paramref name="deviceId"/>.</summary>
    public IReadOnlyCollection<DateTimeOffset> AcknowledgedBy(string deviceId) => _acknowledged[deviceId];

    /// <summary>Completes once the broker has acknowledged <paramref name="count"/> messages in all.</summary>
    public Task WhenAcknowledgedAsync(int count)
    {
        lock (_milestones)
        {
            if (Acknowledged >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _milestones.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>
    /// Every device publishes <paramref name="messagesPerDevice"/> messages, one per <paramref name="period"/>, each
    /// carrying one sample a second after the previous one (from <paramref name="firstSample"/>), awaiting each
    /// acknowledgement. Stops early when <paramref name="stop"/> is cancelled.
    /// </summary>
    public Task PublishAsync(int messagesPerDevice, TimeSpan period, DateTimeOffset firstSample, CancellationToken stop)
        => Task.WhenAll(_devices.Select(device => Task.Run(() => PublishFromAsync(device, messagesPerDevice, period, firstSample, stop), CancellationToken.None)));

    public async ValueTask DisposeAsync()
    {
        foreach (var device in _devices)
        {
            await device.DisposeAsync();
        }
    }

    private async Task PublishFromAsync(MqttDevice device, int count, TimeSpan period, DateTimeOffset firstSample, CancellationToken stop)
    {
        // The pace of a real device, not a wait for something to happen.
        using var pace = new PeriodicTimer(period);
        for (var i = 0; i < count; i++)
        {
            try
            {
                await pace.WaitForNextTickAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var time = firstSample.AddSeconds(i);
            var messageId = string.Create(CultureInfo.InvariantCulture, $"m-{i}");
            var ack = await device.PublishAsync(Envelopes.Json(device.DeviceId, messageId, Envelopes.HeartRate(time, 60 + (i % 40))));
            if (ack.ReasonCode != MqttClientPublishReasonCode.Success)
            {
                // NoMatchingSubscribers would mean the broker dropped it: the silos had not subscribed yet.
                throw new InvalidOperationException($"{device.DeviceId} {messageId}: the broker answered {ack.ReasonCode}.");
            }

            Acknowledge(device.DeviceId, time);
        }
    }

    private void Acknowledge(string deviceId, DateTimeOffset time)
    {
        _acknowledged[deviceId].Enqueue(time);
        var total = Interlocked.Increment(ref _total);
        lock (_milestones)
        {
            _milestones.RemoveAll(m => total >= m.Count && m.Reached.TrySetResult());
        }
    }
}
