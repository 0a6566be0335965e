using System.Reflection;

namespace Wearables.Twins.Benchmarks.Infrastructure;

/// <summary>Paths and settings the build baked into this assembly (see the project file).</summary>
internal static class BuildInfo
{
    /// <summary>The host's entry assembly, built in the same configuration as this benchmark.</summary>
    public static string HostAssembly => Metadata("HostAssembly");

    /// <summary>Debug or Release; benchmark numbers only mean something in Release.</summary>
    public static string Configuration => Metadata("BuildConfiguration");

    /// <summary>The repository this benchmark was built from, where docs/benchmarks.md lives.</summary>
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    private static string Metadata(string key)
        => typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value
           ?? throw new InvalidOperationException($"Assembly metadata '{key}' is empty.");
}
