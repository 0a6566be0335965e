using System.Reflection;

namespace Wearables.Twins.Testing.Hosting;

/// <summary>How <see cref="TwinsHostProcess"/> starts the real host: where its data lives and what differs from the defaults.</summary>
public sealed class TwinsHostOptions
{
    /// <summary>A fresh, empty directory for the host's data; its local issuer key is created there.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// The host's entry assembly. By default the one built beside this assembly, in the same configuration; a project
    /// that starts the host references <c>src/Wearables.Twins.Host</c> with <c>ReferenceOutputAssembly="false"</c> so
    /// that building it builds the host.
    /// </summary>
    public string HostAssembly { get; init; } = BuiltHostAssembly();

    /// <summary>Extra configuration, passed as <c>--key=value</c> after the defaults, so a setting here wins.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment variables for the host, set after the default log levels, so a variable here wins.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The subject of the admin token the shared client carries.</summary>
    public string AdminSubject { get; init; } = "test-admin";

    public TimeSpan AdminTokenLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How long the host may take to report ready before the start fails.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(90);

    private static string BuiltHostAssembly()
        => typeof(TwinsHostOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "HostAssembly").Value
           ?? throw new InvalidOperationException("Assembly metadata 'HostAssembly' is empty.");
}
