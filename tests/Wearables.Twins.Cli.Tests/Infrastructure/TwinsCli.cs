using System.Net;
using System.Net.Sockets;

namespace Wearables.Twins.Cli.Tests.Infrastructure;

/// <summary>Runs the CLI in-process and captures what a user would see.</summary>
public static class TwinsCli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await TwinsCommandLine.InvokeAsync(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the CLI against the given service, via <c>--url</c>.</summary>
    public static Task<CliResult> RunAsync(FakeTwinsService service, params string[] args)
        => RunAsync([.. args, "--url", service.Url.ToString()]);

    /// <summary>Runs the CLI as the service's operator: <c>--data-dir</c> lets it sign an admin token with the service's key.</summary>
    public static Task<CliResult> RunAsOperatorAsync(FakeTwinsService service, params string[] args)
        => RunAsync([.. args, "--url", service.Url.ToString(), "--data-dir", service.DataDirectory]);

    /// <summary>A loopback port nobody listens on: bound by the OS, then released.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
