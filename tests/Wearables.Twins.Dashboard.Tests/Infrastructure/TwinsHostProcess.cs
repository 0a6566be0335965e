using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using Wearables.Twins.Testing;

namespace Wearables.Twins.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real host, started as its own process on free loopback ports, so the browser talks to exactly what users run.
/// </summary>
public sealed class TwinsHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private TwinsHostProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>A client acting as the host's administrator.</summary>
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

    public static async Task<TwinsHostProcess> StartAsync(string dataDirectory)
    {
        var httpPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            HostAssembly(),
            "--urls", $"http://127.0.0.1:{httpPort}",
            $"--Twins:DataDirectory={dataDirectory}",
            $"--Twins:Mqtt:Port={FreePort.Next()}",
            $"--Twins:Orleans:SiloPort={FreePort.Next()}",
            $"--Twins:Orleans:GatewayPort={FreePort.Next()}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Wearables"] = "Information";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new TwinsHostProcess(process, new Uri($"http://127.0.0.1:{httpPort}"), dataDirectory);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilReadyAsync();

        // The host created its local issuer key on start; the shared client acts as its admin.
        host.Http.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Admin(dataDirectory));
        return host;
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
        => typeof(TwinsHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HostAssembly").Value!;

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
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
