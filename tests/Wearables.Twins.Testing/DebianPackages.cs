using System.Diagnostics;

namespace Wearables.Twins.Testing;

/// <summary>
/// Servers that come from Debian packages (mosquitto, redis-server). `.ci/run` installs them; a developer running
/// `dotnet test` on a fresh machine as root gets them installed on first use.
/// </summary>
public static class DebianPackages
{
    public static async Task<string> EnsureAsync(string executable, string package)
    {
        if (File.Exists(executable))
        {
            return executable;
        }

        await using var gate = await FileGate.AcquireAsync(Path.Combine(Path.GetTempPath(), "twins-apt.lock")).ConfigureAwait(false);
        if (!File.Exists(executable))
        {
            if (Environment.UserName != "root")
            {
                throw new InvalidOperationException($"{executable} is missing: install the Debian package '{package}' (sudo apt-get install {package}).");
            }

            await NodeTools.RunAsync("apt-get", ["install", "-y", "-q", package]).ConfigureAwait(false);
        }

        return File.Exists(executable) ? executable : throw new UnreachableException($"{package} installed no {executable}.");
    }
}
