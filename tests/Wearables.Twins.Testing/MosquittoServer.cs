using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Wearables.Twins.Testing;

/// <summary>
/// A real mosquitto broker for one test class: a plain listener, and a TLS listener that requires a client
/// certificate, takes its CN as the user name and lets each device write only its own topics (the AWS IoT Core
/// policy shape). The service user may read every device's telemetry and write rejects reports. Persistent, so
/// a restart keeps queued messages.
/// </summary>
public sealed class MosquittoServer : IAsyncDisposable
{
    public const string ServiceUser = "twins-service";

    private readonly string _configPath;
    private Process? _process;

    private MosquittoServer(string folder, TestPki pki, int plainPort, int tlsPort)
    {
        Folder = folder;
        Pki = pki;
        PlainPort = plainPort;
        TlsPort = tlsPort;
        _configPath = Path.Combine(folder, "mosquitto.conf");
    }

    public string Folder { get; }

    public TestPki Pki { get; }

    public int PlainPort { get; }

    public int TlsPort { get; }

    public static async Task<MosquittoServer> StartAsync()
    {
        var executable = await DebianPackages.EnsureAsync("/usr/sbin/mosquitto", "mosquitto").ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory("twins-mosquitto-").FullName;
        var server = new MosquittoServer(folder, new TestPki(Path.Combine(folder, "pki")), FreePort.Next(), FreePort.Next());
        server.WriteConfiguration();
        await server.StartProcessAsync(executable).ConfigureAwait(false);
        return server;
    }

    /// <summary>Stops the broker abruptly (SIGKILL) and starts it again on the same ports and persistence file.</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await StartProcessAsync("/usr/sbin/mosquitto").ConfigureAwait(false);
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process?.Dispose();
        Pki.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    private async Task StartProcessAsync(string executable)
    {
        _process = await ServerProcess.StartAsync("mosquitto", executable, ["-c", _configPath], TlsPort).ConfigureAwait(false);
    }

    private void WriteConfiguration()
    {
        var acl = Path.Combine(Folder, "acl");
        File.WriteAllText(acl, $"""
            # Every device (certificate CN = user name) writes only its own topics and reads its own rejects.
            pattern write wearables/%u/telemetry
            pattern read wearables/%u/rejects

            user {ServiceUser}
            topic read wearables/+/telemetry
            topic write wearables/+/rejects

            """);
        string P(int port) => port.ToString(CultureInfo.InvariantCulture);
        var config = new StringBuilder()
            .AppendLine("per_listener_settings true")
            // Tests run as root; staying root lets the broker read the PEM files in the temp folder.
            .AppendLine("user root")
            .AppendLine("persistence true")
            .AppendLine(CultureInfo.InvariantCulture, $"persistence_location {Folder}/")
            .AppendLine("autosave_interval 1")
            // The defaults silently drop QoS 1 messages for a subscriber that falls behind.
            .AppendLine("max_inflight_messages 1000")
            .AppendLine("max_queued_messages 1000000")
            .AppendLine(CultureInfo.InvariantCulture, $"listener {P(PlainPort)} 127.0.0.1")
            .AppendLine("allow_anonymous true")
            .AppendLine(CultureInfo.InvariantCulture, $"listener {P(TlsPort)} 127.0.0.1")
            .AppendLine(CultureInfo.InvariantCulture, $"cafile {Pki.CaPath}")
            .AppendLine(CultureInfo.InvariantCulture, $"certfile {Pki.Server.CertificatePath}")
            .AppendLine(CultureInfo.InvariantCulture, $"keyfile {Pki.Server.KeyPath}")
            .AppendLine("require_certificate true")
            .AppendLine("use_identity_as_username true")
            .AppendLine("allow_anonymous false")
            .AppendLine(CultureInfo.InvariantCulture, $"acl_file {acl}");
        File.WriteAllText(_configPath, config.ToString());
    }
}
