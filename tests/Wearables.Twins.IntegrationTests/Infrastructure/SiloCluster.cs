using System.Globalization;

namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>
/// Real host processes forming one Orleans cluster on DynamoDB (dynalite) membership and grain state, reading
/// telemetry from one mosquitto through a shared subscription. Each silo keeps its own data directory and MQTT
/// client id across restarts, as a StatefulSet pod keeps its volume and name.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private readonly TempDirectory[] _data;
    private readonly TwinsHostProcess?[] _silos;
    private readonly string _run;

    private SiloCluster(int size, string run, Dictionary<string, string> settings)
    {
        _run = run;
        _settings = settings;
        _data = [.. Enumerable.Range(0, size).Select(_ => new TempDirectory())];
        _silos = new TwinsHostProcess?[size];
    }

    public TwinsHostProcess this[int ordinal] => _silos[ordinal] ?? throw new InvalidOperationException($"Silo {ordinal} is not running.");

    /// <summary>The silos that run now.</summary>
    public IReadOnlyList<TwinsHostProcess> Running => [.. _silos.OfType<TwinsHostProcess>()];

    /// <summary>
    /// Starts <paramref name="size"/> silos at once. <paramref name="settings"/> are shared by all (membership, storage,
    /// the broker); each silo adds its own data directory and client id.
    /// </summary>
    public static async Task<SiloCluster> StartAsync(int size, string run, Dictionary<string, string> settings)
    {
        var cluster = new SiloCluster(size, run, settings);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, size).Select(cluster.LaunchAsync));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public string ClientId(int ordinal) => string.Create(CultureInfo.InvariantCulture, $"silo-{_run}-{ordinal}");

    /// <summary>SIGKILL of one silo; its data directory stays, like a StatefulSet pod's volume.</summary>
    public async Task KillAsync(int ordinal)
    {
        var silo = this[ordinal];
        _silos[ordinal] = null;
        await silo.KillAsync();
        await silo.DisposeAsync();
    }

    /// <summary>The replacement of a dead silo: same data directory, same MQTT client id, new process and ports.</summary>
    public Task StartSiloAsync(int ordinal)
    {
        if (_silos[ordinal] is not null)
        {
            throw new InvalidOperationException($"Silo {ordinal} is already running.");
        }

        return LaunchAsync(ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.OfType<TwinsHostProcess>())
        {
            await silo.DisposeAsync();
        }

        foreach (var data in _data)
        {
            data.Dispose();
        }
    }

    private async Task LaunchAsync(int ordinal)
    {
        var settings = new Dictionary<string, string>(_settings) { ["Twins:Mqtt:Client:ClientId"] = ClientId(ordinal) };
        _silos[ordinal] = await TwinsHostProcess.StartAsync(_data[ordinal].Path, settings);
    }
}
