using Wearables.Twins.Testing.Hosting;

namespace Wearables.Twins.Benchmarks.Infrastructure;

/// <summary>
/// The real host exactly as the integration tests start it, from the build of this benchmark's configuration and with
/// an admin token that outlasts the longest run, so the benchmark measures what users run.
/// </summary>
internal static class BenchmarkHost
{
    /// <param name="dataDirectory">A fresh, empty directory for the host's data.</param>
    /// <param name="settings">Extra configuration, passed as <c>--key=value</c> arguments.</param>
    /// <param name="cancellationToken">Stops waiting for the host to become ready.</param>
    public static Task<TwinsHostProcess> StartAsync(
        string dataDirectory, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
        => TwinsHostProcess.StartAsync(
            new TwinsHostOptions
            {
                DataDirectory = dataDirectory,
                HostAssembly = BuildInfo.HostAssembly,
                Settings = settings,
                AdminSubject = "benchmark",
                AdminTokenLifetime = TimeSpan.FromHours(4),
            },
            cancellationToken);
}
