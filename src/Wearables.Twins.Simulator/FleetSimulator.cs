using System.Globalization;
using Wearables.Twins.Simulator.Fleet;

namespace Wearables.Twins.Simulator;

/// <summary>
/// Runs a fleet of simulated wearables in-process: binds each device to its patient (optional), opens one
/// MQTT connection per device and publishes envelopes as simulated time passes. Usable from the CLI, tests
/// and benchmarks alike.
/// </summary>
public sealed class FleetSimulator
{
    private static readonly TimeSpan ConnectPhaseLimit = TimeSpan.FromSeconds(30);

    private readonly TextWriter? _output;
    private readonly TimeProvider _time;
    private readonly HttpMessageHandler? _httpHandler;

    /// <param name="output">Where live and warning lines go; null for a silent run.</param>
    /// <param name="time">The real clock (tests may pass a fake one).</param>
    /// <param name="httpHandler">Handler for the binding calls; null for the default.</param>
    public FleetSimulator(TextWriter? output = null, TimeProvider? time = null, HttpMessageHandler? httpHandler = null)
    {
        _output = output;
        _time = time ?? TimeProvider.System;
        _httpHandler = httpHandler;
    }

    /// <summary>
    /// Runs the fleet for <see cref="SimulatorOptions.Duration"/> (or until <paramref name="cancellationToken"/>
    /// fires; that ends the run normally, with <see cref="SimulatorResult.Cancelled"/> set).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem), or a TLS file is unusable.</exception>
    public async Task<SimulatorResult> RunAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }

        var seed = options.Seed ?? Random.Shared.Next();
        var devices = Enumerable.Range(1, options.Devices)
            .Select(n => SimulatedDevice.Create(n, seed, options.DevicePrefix, options.PatientPrefix))
            .ToArray();

        // Before binding or connecting anything: a bad certificate file should stop the run, not half of the fleet.
        using var tls = options.UseTls ? FleetTlsCredentials.Load(options, devices) : null;
        var (bound, bindFailed) = options.Bind ? await BindAllAsync(devices, options, cancellationToken) : (0, 0);

        var counters = new FleetCounters();
        var connections = devices.Select(d => new DeviceConnection(d.DeviceId, options, tls, counters, _time)).ToArray();
        try
        {
            var connectLimit = options.Duration > TimeSpan.Zero && options.Duration < ConnectPhaseLimit ? options.Duration : ConnectPhaseLimit;
            await ConnectAllAsync(connections, options, connectLimit, cancellationToken);
            if (connections.Count(c => !c.IsConnected) is var offline and > 0 && !cancellationToken.IsCancellationRequested)
            {
                WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warning: {offline} of {connections.Length} devices are not connected yet ({counters.LastError}); they keep trying."));
            }

            var realStart = _time.GetUtcNow();
            var simulatedStart = SimulatedClock.StartFor(realStart, options.Duration, options.Speed);
            var finite = options.Duration > TimeSpan.Zero;
            var simulatedEnd = finite ? simulatedStart + (options.Duration * options.Speed) : DateTimeOffset.MaxValue;
            var clock = new SimulatedClock(_time, simulatedStart, options.Speed);
            var runTag = RunTag(realStart);
            var runners = devices
                .Select((device, index) => new DeviceRunner(
                    device, options, simulatedStart, runTag, options.Batch * index / devices.Length, counters, _time))
                .ToArray();
            WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Simulating {devices.Length} devices from {simulatedStart:yyyy-MM-dd HH:mm:ss}Z at {options.Speed}× " +
                $"({(finite ? $"{options.Duration.TotalSeconds:0.#} s" : "until Ctrl+C")}), seed {seed}, " +
                $"MQTT {(options.ProtocolVersion == MQTTnet.Formatter.MqttProtocolVersion.V500 ? "5.0" : "3.1.1")} QoS {(int)options.Qos} " +
                $"to {options.BrokerHost}:{options.BrokerPort}{(options.UseTls ? TlsDescription(options) : "")}."));

            // Devices that fall behind get a little while after the deadline to send what is already due.
            using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
            if (finite)
            {
                deadline.CancelAfter(options.Duration + TimeSpan.FromSeconds(2) + (options.Batch / options.Speed));
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            using var reporterStop = new CancellationTokenSource();
            var reporter = _output is not null && options.SummaryInterval > TimeSpan.Zero
                ? new SummaryReporter(counters, _output, _time, clock, devices.Length, () => Slowest(runners), options.Batch, simulatedEnd)
                    .RunAsync(options.SummaryInterval, reporterStop.Token)
                : Task.CompletedTask;

            await Task.WhenAll(runners.Select((runner, index) => runner.RunAsync(connections[index], clock, simulatedEnd, stop.Token)));
            var elapsed = clock.RealElapsed;
            await reporterStop.CancelAsync();
            await reporter;

            return counters.ToResult() with
            {
                Devices = devices.Length,
                Seed = seed,
                BindsSucceeded = bound,
                BindsFailed = bindFailed,
                Elapsed = elapsed,
                SimulatedStart = simulatedStart,
                SimulatedEnd = Slowest(runners),
                Cancelled = cancellationToken.IsCancellationRequested,
            };
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private async Task<(int Bound, int Failed)> BindAllAsync(
        SimulatedDevice[] devices, SimulatorOptions options, CancellationToken cancellationToken)
    {
        using var http = _httpHandler is null ? new HttpClient() : new HttpClient(_httpHandler, disposeHandler: false);
        http.Timeout = TimeSpan.FromSeconds(10);
        if (options.ApiToken is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        var binder = new PatientBinder(http, options.Api);
        var bound = 0;
        var failed = 0;
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (device, token) =>
            {
                if (await binder.BindAsync(device, token))
                {
                    Interlocked.Increment(ref bound);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            });

        if (failed > 0)
        {
            WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {failed} of {devices.Length} devices could not be bound to their patients ({binder.LastError}); publishing anyway (pass --no-bind to skip binding)."));
        }

        return (bound, failed);
    }

    private async Task ConnectAllAsync(
        DeviceConnection[] connections, SimulatorOptions options, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        // Best effort within a time limit: a device that is not connected yet keeps trying before it publishes.
        using var deadline = new CancellationTokenSource(timeLimit, _time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await Parallel.ForEachAsync(connections,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentConnects, CancellationToken = limit.Token },
                async (connection, token) => await connection.EnsureConnectedAsync(token));
        }
        catch (OperationCanceledException)
        {
            // Time is up (or the run was cancelled, which the run loop notices at once).
        }
    }

    private static DateTimeOffset Slowest(IEnumerable<DeviceRunner> runners) => runners.Min(r => r.Reached);

    /// <summary>Distinguishes this run's message ids from any earlier run's: base-36 Unix milliseconds.</summary>
    private static string RunTag(DateTimeOffset start)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var value = (ulong)start.ToUnixTimeMilliseconds();
        Span<char> buffer = stackalloc char[16];
        var position = buffer.Length;
        do
        {
            buffer[--position] = Digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);

        return new string(buffer[position..]);
    }

    private static string TlsDescription(SimulatorOptions options)
        => " over TLS" + (options.ClientCertificateDirectory is { } directory ? $" with client certificates from {directory}" : "");

    private void WriteLine(string line) => _output?.WriteLine(line);
}
