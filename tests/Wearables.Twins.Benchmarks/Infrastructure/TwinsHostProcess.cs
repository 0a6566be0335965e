using System.Diagnostics;
using System.Net;
using System.Text;
using Wearables.Twins.Security;

namespace Wearables.Twins.Benchmarks.Infrastructure;

/// <summary>
/// The real host, started as its own process on free loopback ports exactly as the integration tests start
/// it (<c>dotnet Wearables.Twins.Host.dll</c> with command-line settings), so the benchmark measures what
/// users run.
/// </summary>
internal sealed class TwinsHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(DateTimeOffset At, string Line)> _lines = [];

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

    /// <summary>An admin token signed with the host's local issuer key, for the API and the simulator's binding.</summary>
    public string? AdminToken { get; private set; }

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

    /// <summary>Lines the host wrote at or after <paramref name="since"/>, with the time they arrived.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Line)> LinesSince(DateTimeOffset since)
    {
        lock (_output)
        {
            return [.. _lines.Where(l => l.At >= since)];
        }
    }

    /// <param name="dataDirectory">A fresh, empty directory for the host's data.</param>
    /// <param name="settings">Extra configuration, passed as <c>--key=value</c> arguments.</param>
    /// <param name="cancellationToken">Stops waiting for the host to become ready.</param>
    public static async Task<TwinsHostProcess> StartAsync(
        string dataDirectory, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var hostAssembly = BuildInfo.HostAssembly;
        if (!File.Exists(hostAssembly))
        {
            throw new FileNotFoundException($"The host was not built at {hostAssembly}; build this project (it builds the host too).", hostAssembly);
        }

        var httpPort = FreePorts.Next();
        var mqttPort = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            hostAssembly,
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
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
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
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        // The host created its local issuer key on start; the benchmark acts as its admin.
        using (var key = LocalSigningKey.Load(LocalIssuer.KeyPath(dataDirectory), create: false))
        {
            host.AdminToken = new LocalTokenIssuer(key, TimeProvider.System)
                .Issue(new TokenRequest("benchmark", TwinsRoles.Admin, [], null, TimeSpan.FromHours(4)));
        }

        host.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.AdminToken);
        return host;
    }

    /// <summary>CPU time the host has used so far, all threads together.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
    }

    /// <summary>Bytes the host has caused to be written to storage so far.</summary>
    public long? BytesWritten() => _process.HasExited ? null : DiskWrites.Process(_process.Id);

    /// <summary>The host's peak resident set size so far (VmHWM), in bytes.</summary>
    public long? PeakResidentBytes() => _process.HasExited ? null : ProcessMemory.PeakResidentBytes(_process.Id);

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
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
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

        throw new TimeoutException($"The host was not ready within {ReadyTimeout}:\n{Output}");
    }
}
