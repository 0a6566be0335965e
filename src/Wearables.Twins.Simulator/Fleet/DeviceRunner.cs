using Wearables.Twins.Simulator.Envelopes;
using Wearables.Twins.Simulator.Realism;

namespace Wearables.Twins.Simulator.Fleet;

/// <summary>
/// The loop of one device: wait until a batch of simulated time is over (plus this device's phase, so the
/// fleet does not publish in lock-step), generate its samples, publish them, repeat until the end of the
/// simulated span or until stopped.
/// </summary>
internal sealed class DeviceRunner
{
    private readonly SimulatedDevice _device;
    private readonly SimulatorOptions _options;
    private readonly FleetCounters _counters;
    private readonly TimeProvider _time;
    private readonly TimeSpan _phase;
    private readonly PatientSimulation _simulation;
    private readonly EnvelopeBuilder _builder;
    private readonly DeviceBattery _battery;
    private long _reachedTicks;

    public DeviceRunner(
        SimulatedDevice device, SimulatorOptions options, DateTimeOffset simulatedStart, string runTag, TimeSpan phase,
        FleetCounters counters, TimeProvider time)
    {
        _device = device;
        _options = options;
        _counters = counters;
        _time = time;
        _phase = phase;
        _simulation = new PatientSimulation(device.Profile, simulatedStart);
        _builder = new EnvelopeBuilder(device.DeviceId, device.Model, device.Profile.UtcOffset, runTag);
        var random = new Random(SeedMixer.Mix(device.Profile.Seed, 0xBA77));
        _battery = new DeviceBattery(random.NextDouble(55, 100), random.NextDouble(0.6, 1.4), simulatedStart);
        _reachedTicks = simulatedStart.UtcTicks;
    }

    /// <summary>Simulated time whose samples have all been published.</summary>
    public DateTimeOffset Reached => new(Interlocked.Read(ref _reachedTicks), TimeSpan.Zero);

    /// <summary>Runs until <paramref name="simulatedEnd"/> is published or <paramref name="stop"/> fires.</summary>
    public async Task RunAsync(DeviceConnection connection, SimulatedClock clock, DateTimeOffset simulatedEnd, CancellationToken stop)
    {
        try
        {
            await connection.EnsureConnectedAsync(stop);
            while (_simulation.Cursor < simulatedEnd)
            {
                var batchEnd = Earliest(_simulation.Cursor + _options.Batch, simulatedEnd);
                var delay = clock.DelayUntil(Earliest(batchEnd + _phase, simulatedEnd));
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, stop);
                    continue;
                }

                await PublishBatchAsync(connection, batchEnd, stop);
                Interlocked.Exchange(ref _reachedTicks, batchEnd.UtcTicks);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private async Task PublishBatchAsync(DeviceConnection connection, DateTimeOffset batchEnd, CancellationToken stop)
    {
        var samples = _simulation.AdvanceTo(batchEnd);
        var battery = _battery.LevelAt(batchEnd);
        foreach (var chunk in samples.Chunk(_options.MaxSamplesPerMessage))
        {
            var payload = EnvelopeBuilder.Serialize(_builder.Build(chunk, batchEnd, battery));
            try
            {
                await connection.PublishAsync(_device.Topic, payload, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                _counters.Abandoned();
                throw;
            }

            _counters.Published(chunk.Length, payload.Length);
        }
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
