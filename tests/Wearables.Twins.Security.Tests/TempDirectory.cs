namespace Wearables.Twins.Security.Tests;

/// <summary>A unique directory under the temp folder, not created up front (the code under test creates what it needs), deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() =>
        Root = Path.Combine(Path.GetTempPath(), "wearables-twins-security-tests", Guid.NewGuid().ToString("N"));

    public string Root { get; }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
