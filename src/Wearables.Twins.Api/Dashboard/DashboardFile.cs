using System.Security.Cryptography;

namespace Wearables.Twins.Api.Dashboard;

/// <summary>One embedded dashboard file, read once, with its content type and an ETag for revalidation.</summary>
internal sealed class DashboardFile
{
    private DashboardFile(byte[] content, string contentType)
    {
        Content = content;
        ContentType = contentType;
        ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12))}\"";
    }

    public byte[] Content { get; }

    public string ContentType { get; }

    public string ETag { get; }

    /// <summary>Reads <c>dashboard/{name}</c> (the logical name the project file gives the files under <c>Dashboard/wwwroot</c>).</summary>
    public static DashboardFile Load(string name, string contentType)
    {
        using var stream = typeof(DashboardFile).Assembly.GetManifestResourceStream("dashboard/" + name)
            ?? throw new InvalidOperationException($"The dashboard file '{name}' is not embedded in {typeof(DashboardFile).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new DashboardFile(copy.ToArray(), contentType);
    }
}
