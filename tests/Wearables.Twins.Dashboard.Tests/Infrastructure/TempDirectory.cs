namespace Wearables.Twins.Dashboard.Tests.Infrastructure;

/// <summary>A data directory of its own for the host, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "twins-dashboard-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment; the OS temp cleaner takes it later.
        }
    }
}
