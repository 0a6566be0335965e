using System.Diagnostics;
using System.Net;
using System.Text;
using Wearables.Twins.Security;

namespace Wearables.Twins.Testing.Hosting;

/// <summary>
/// The real host (<c>dotnet Wearables.Twins.Host.dll</c> with command-line settings), started as its own process on
/// free loopback ports, so tests and benchmarks exercise exactly what users run, including a SIGKILL. Its shared
/// <see cref="Http"/> client acts as the host's administrator.
/// </summary>
public sealed class TwinsHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(DateTimeOffset At, string Line)> _lines = [];
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

    /// <summary>A client acting as the host's administrator.</summary>
    public HttpClient Http { get; }

    /// <summary>The admin token <see cref="Http"/> carries, signed with the host's local issuer key.</summary>
    public string AdminToken { get; private set; } = string.Empty;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the host wrote to stdout and stderr so far.</summary>
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

    /// <inheritdoc cref="StartAsync(TwinsHostOptions, CancellationToken)"/>
    /// <param name="dataDirectory">A fresh, empty directory for the host's data.</param>
    /// <param name="settings">Extra configuration, passed as <c>--key=value</c> arguments.</param>
    /// <param name="cancellationToken">Stops waiting for the host to become ready.</param>
    public static Task<TwinsHostProcess> StartAsync(
        string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
        => StartAsync(
            new TwinsHostOptions { DataDirectory = dataDirectory, Settings = settings ?? new Dictionary<string, string>() },
            cancellationToken);

    /// <summary>Starts the host and completes once it reports ready, with <see cref="Http"/> acting as its admin.</summary>
    public static async Task<TwinsHostProcess> StartAsync(TwinsHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.HostAssembly))
        {
            throw new FileNotFoundException(
                $"The host was not built at {options.HostAssembly}; reference src/Wearables.Twins.Host from the project that starts it.",
                options.HostAssembly);
        }

        var httpPort = FreePort.Next();
        var mqttPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(options, httpPort, mqttPort))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Wearables"] = "Information";
        foreach (var (name, value) in options.Environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new TwinsHostProcess(process, new Uri($"http://127.0.0.1:{httpPort}"), mqttPort, options.DataDirectory);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(options.ReadyTimeout, cancellationToken);

            // The host created its local issuer key on start; the shared client acts as its admin.
            host.AdminToken = TestTokens.Issue(
                options.DataDirectory, new TokenRequest(options.AdminSubject, TwinsRoles.Admin, [], null, options.AdminTokenLifetime));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        host.Http.DefaultRequestHeaders.Authorization = TestTokens.Bearer(host.AdminToken);
        return host;
    }

    /// <summary>Lines the host wrote at or after <paramref name="since"/>, with the time they arrived.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Line)> LinesSince(DateTimeOffset since)
    {
        lock (_output)
        {
            return [.. _lines.Where(l => l.At >= since)];
        }
    }

    /// <summary>Completes with the first output line (logged so far or later) that contains <paramref name="text"/>.</summary>
    public Task<string> WaitForOutputAsync(string text, TimeSpan within)
    {
        lock (_output)
        {
            foreach (var (_, line) in _lines)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return Task.FromResult(line.TrimEnd('\r'));
                }
            }

            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaitedLines.Add((text, seen));
            return seen.Task.WaitAsync(within);
        }
    }

    /// <summary>CPU time the host has used so far, all threads together.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
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

    private static List<string> Arguments(TwinsHostOptions options, int httpPort, int mqttPort)
    {
        var arguments = new List<string>
        {
            options.HostAssembly,
            "--urls", $"http://127.0.0.1:{httpPort}",
            $"--Twins:DataDirectory={options.DataDirectory}",
            $"--Twins:Mqtt:Port={mqttPort}",

            // Tests and benchmarks poll as one admin far faster than a person; the limits themselves are tested on their own.
            "--Twins:Limits:UserRequestsPerSecond=100000",
            "--Twins:Limits:UserBurst=100000",
            "--Twins:Limits:DeviceRequestsPerSecond=100000",
            "--Twins:Limits:DeviceBurst=100000",
            $"--Twins:Orleans:SiloPort={FreePort.Next()}",
            $"--Twins:Orleans:GatewayPort={FreePort.Next()}",
        };
        foreach (var (key, value) in options.Settings)
        {
            arguments.Add($"--{key}={value}");
        }

        return arguments;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            _lines.Add((DateTimeOffset.UtcNow, line));
            _awaitedLines.RemoveAll(w => line.Contains(w.Text, StringComparison.Ordinal) && w.Seen.TrySetResult(line));
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Polling is the only signal another process offers; the interval is short and the deadline bounded.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The host was not ready within {timeout}:\n{Output}");
    }
}
