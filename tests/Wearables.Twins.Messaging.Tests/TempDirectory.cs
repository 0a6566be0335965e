namespace Wearables.Twins.Messaging.Tests;

/// <summary>A scratch folder deleted with the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("twins-messaging-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background thread; the OS temp cleaner gets it.
        }
    }
}
