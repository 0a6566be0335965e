using System.Runtime.CompilerServices;

namespace Wearables.Twins.History.Storage;

/// <summary>
/// The lake in a local folder. A put writes <c>&lt;key&gt;.&lt;guid&gt;.tmp</c>, flushes it to disk and renames it over the
/// key, so a crash leaves at most a temp file, which listings and the SQL glob (<c>*.parquet</c>) never see.
/// </summary>
public sealed class LocalLakeStore : ILakeStore
{
    public const string TempSuffix = ".tmp";

    public LocalLakeStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        LocalRoot = Path.GetFullPath(root);
        Directory.CreateDirectory(LocalRoot);
    }

    public string Description => $"local {LocalRoot}";

    public string LocalRoot { get; }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public async IAsyncEnumerable<LakeObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        // Walk from the deepest folder the prefix names, then filter by the full key prefix.
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? LocalRoot : Path.Combine(LocalRoot, prefix[..slash]);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        await Task.CompletedTask;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.EndsWith(TempSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var key = Path.GetRelativePath(LocalRoot, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var info = new FileInfo(file);
            if (info.Exists)
            {
                yield return new LakeObject(key, info.Length, info.LastWriteTimeUtc);
            }
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Lake object '{key}' does not exist.", key);
        }

        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>Removes temp files a crash left behind that are older than <paramref name="olderThan"/>.</summary>
    public int SweepTempFiles(DateTimeOffset olderThan)
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(LocalRoot, "*" + TempSuffix, SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(file) < olderThan.UtcDateTime)
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>The file of a key; keys that would escape the root are refused.</summary>
    public string PathOf(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var path = Path.GetFullPath(Path.Combine(LocalRoot, key));
        if (!path.StartsWith(LocalRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Lake key '{key}' points outside the lake.", nameof(key));
        }

        return path;
    }
}
