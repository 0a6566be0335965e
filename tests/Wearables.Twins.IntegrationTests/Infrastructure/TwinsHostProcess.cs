using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using Wearables.Twins.Testing;

namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>
/// The real host, started as its own process on free loopback ports, so tests exercise exactly what users
/// run, including a SIGKILL.
/// </summary>
public sealed class TwinsHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, TaskCompletionSource<string> Seen)> _awaitedLines = [];

    private TwinsHostProcess(Process process, Uri baseAddress, int mqttPort, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        MqttPort = mqttPort;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public int MqttPort { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<TwinsHostProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var httpPort = FreePorts.Next();
        var mqttPort = FreePorts.Next();
        var arguments = new List<string>
        {
            HostAssembly(),
            "--urls", $"http://127.0.0.1:{httpPort}",
            $"--Twins:DataDirectory={dataDirectory}",
            $"--Twins:Mqtt:Port={mqttPort}",

            // Tests and benchmarks poll as one admin far faster than a person; the limits themselves are tested on their own.
            "--Twins:Limits:UserRequestsPerSecond=100000",
            "--Twins:Limits:UserBurst=100000",
            "--Twins:Limits:DeviceRequestsPerSecond=100000",
            "--Twins:Limits:DeviceBurst=100000",
            $"--Twins:Orleans:SiloPort={FreePorts.Next()}",
            $"--Twins:Orleans:GatewayPort={FreePorts.Next()}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments.Add($"--{key}={value}");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Wearables"] = "Information";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new TwinsHostProcess(process, new Uri($"http://127.0.0.1:{httpPort}"), mqttPort, dataDirectory);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilReadyAsync();

        // The host created its local issuer key on start; tests act as its admin unless they ask for another token.
        host.Http.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Admin(dataDirectory));
        return host;
    }

    /// <summary>Completes with the first output line (logged so far or later) that contains <paramref name="text"/>.</summary>
    public Task<string> WaitForOutputAsync(string text, TimeSpan within)
    {
        lock (_output)
        {
            var line = _output.ToString().Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return Task.FromResult(line.TrimEnd('\r'));
            }

            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaitedLines.Add((text, seen));
            return seen.Task.WaitAsync(within);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no final checkpoint, no flush.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string HostAssembly()
        => typeof(TwinsHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "HostAssembly").Value!;

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            _awaitedLines.RemoveAll(w => line.Contains(w.Text, StringComparison.Ordinal) && w.Seen.TrySetResult(line));
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        // Polling is the only signal another process offers; the interval is short and the deadline bounded.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host was not ready within {ReadyTimeout}:\n{Output}");
    }
}
