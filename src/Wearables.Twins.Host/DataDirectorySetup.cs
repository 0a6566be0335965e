namespace Wearables.Twins.Host;

/// <summary>Everything the embedded profile keeps lives under one folder (<c>Twins:DataDirectory</c>).</summary>
internal static class DataDirectorySetup
{
    public const string Key = "Twins:DataDirectory";

    public static string AddTwinsDataDirectory(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[Key];
        var directory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Directory.CreateDirectory(directory);
        return directory;
    }
}
