namespace Wearables.Twins.Testing;

/// <summary>Finds the checkout the tests run from, so tests can reach `.ci/servers` and shared fixtures.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Path => Root.Value;

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Wearables.Twins.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Wearables.Twins.sln above {AppContext.BaseDirectory}.");
    }
}
