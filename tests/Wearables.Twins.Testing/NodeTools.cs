using System.Diagnostics;

namespace Wearables.Twins.Testing;

/// <summary>
/// The npm-installed stand-ins in <c>.ci/servers</c> (versions pinned by its package-lock.json). Installed on
/// first use when `.ci/run` has not done it; a lock file keeps parallel test processes from installing twice.
/// </summary>
public static class NodeTools
{
    public static async Task<string> EnsureInstalledAsync()
    {
        var folder = Path.Combine(RepositoryRoot.Path, ".ci", "servers");
        var modules = Path.Combine(folder, "node_modules");
        var marker = Path.Combine(modules, ".installed");
        if (File.Exists(marker))
        {
            return modules;
        }

        await using var gate = await FileGate.AcquireAsync(Path.Combine(folder, ".install.lock")).ConfigureAwait(false);
        if (!File.Exists(marker))
        {
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", folder]).ConfigureAwait(false);
            await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O")).ConfigureAwait(false);
        }

        return modules;
    }

    internal static async Task RunAsync(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{await stdout.ConfigureAwait(false)}\n{await stderr.ConfigureAwait(false)}");
        }
    }
}
