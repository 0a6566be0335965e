using System.Diagnostics;
using Wearables.Twins.Testing;

namespace Wearables.Twins.IntegrationTests;

/// <summary>
/// The Kubernetes manifests and Dockerfiles are checked offline by .ci/validate-k8s.sh (API schemas, strict field
/// names, no secrets, Dockerfile lint); a broken copy must fail, or the check proves nothing.
/// </summary>
public sealed class DeploymentManifestTests
{
    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public async Task TheManifestsAndDockerfilesAreValid()
    {
        var (exit, output) = await ValidateAsync(Path.Combine(Root, "k8s"));

        Assert.True(exit == 0, output);
        Assert.Contains("k8s: valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMisspeltFieldIsCaught()
    {
        using var copy = new Infrastructure.TempDirectory();
        CopyManifests(Path.Combine(Root, "k8s"), copy.Path);
        var silo = Path.Combine(copy.Path, "base", "silo", "statefulset.yaml");
        await File.WriteAllTextAsync(silo, (await File.ReadAllTextAsync(silo)).Replace("readinessProbe:", "readinesProbe:", StringComparison.Ordinal));

        var (exit, output) = await ValidateAsync(copy.Path);

        Assert.Equal(1, exit);
        Assert.Contains("readinesProbe", output, StringComparison.Ordinal);
    }

    private static void CopyManifests(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("validate", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<(int Exit, string Output)> ValidateAsync(string manifests)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(Root, ".ci", "validate-k8s.sh"));
        start.ArgumentList.Add(manifests);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }
}
