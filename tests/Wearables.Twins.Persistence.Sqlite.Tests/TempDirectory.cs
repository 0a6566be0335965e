namespace Wearables.Twins.Persistence.Sqlite.Tests;

/// <summary>A unique directory under the temp folder, not created up front (the provider must create it), deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() =>
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wearables-twins-sqlite-tests", Guid.NewGuid().ToString("N"));

    public string Root { get; }

    /// <summary>A path below <see cref="Root"/>, in a sub-directory that does not exist yet.</summary>
    public string DatabasePath => System.IO.Path.Combine(Root, "data", "grains.db");

    /// <summary>The reminder table's file, beside <see cref="DatabasePath"/>.</summary>
    public string RemindersPath => System.IO.Path.Combine(Root, "data", "reminders.db");

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
