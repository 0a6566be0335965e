using System.Diagnostics;
using System.Globalization;

namespace Wearables.Twins.Testing;

/// <summary>
/// A real redis-server (Debian's, <c>/usr/bin/redis-server</c>) on a free loopback port, without persistence, for
/// tests that use Redis (e.g. Orleans Redis clustering). Dispose stops it (by the PID started here).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/redis-server";

    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install it with `apt-get install -y redis-server`.");
        }

        var port = FreePort.Next();
        var process = await ServerProcess.StartAsync(
            "redis-server", Executable,
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", Path.GetTempPath()],
            port).ConfigureAwait(false);
        return new RedisServer(process, port);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
