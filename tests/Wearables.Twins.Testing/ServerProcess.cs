using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Wearables.Twins.Testing;

/// <summary>
/// A server child process that lives as long as the test process: ready once its port accepts connections,
/// killed (by the PID started here, never by name) when the test process exits.
/// </summary>
public static class ServerProcess
{
    private static readonly ConcurrentBag<Process> Started = [];

    static ServerProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Started)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        };
    }

    public static async Task<Process> StartAsync(
        string name, string fileName, IEnumerable<string> arguments, int port,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? readyWithin = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Started.Add(process);

        using var timeout = new CancellationTokenSource(readyWithin ?? TimeSpan.FromSeconds(60));
        while (!await AcceptsAsync(port, timeout.Token).ConfigureAwait(false))
        {
            if (process.HasExited || timeout.IsCancellationRequested)
            {
                throw new InvalidOperationException(
                    $"{name} did not start listening on 127.0.0.1:{port} (exited: {process.HasExited}). Output:\n{Snapshot(output)}");
            }

            // Polling the port is the only readiness signal these servers give.
            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
        }

        return process;
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
