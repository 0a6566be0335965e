using Microsoft.Extensions.Options;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Schema;
using Wearables.Twins.History.Storage;

namespace Wearables.Twins.History.Reading;

/// <summary>
/// Local files DuckDB can read for a set of lake objects. For the local target these are the lake's own files; for
/// S3 they are a mirror in the cache folder (DuckDB has no S3 access offline, so no httpfs): objects are downloaded
/// once (keys are immutable apart from content-named overwrites, detected by size) and cached copies of objects that
/// no longer exist (compacted, expired, erased) are removed when their prefix is synchronised.
/// </summary>
public sealed class LakeFiles : IDisposable
{
    private readonly ILakeStore _store;
    private readonly string _root;
    private readonly SemaphoreSlim _sync = new(1, 1);

    public LakeFiles(ILakeStore store, IOptions<HistoryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _root = store.LocalRoot ?? Path.GetFullPath(options.Value.CacheDirectory);
        Directory.CreateDirectory(_root);
    }

    /// <summary>The folder holding the local view of the lake (the lake itself, or the S3 mirror).</summary>
    public string Root => _root;

    public ILakeStore Store => _store;

    public bool IsMirror => _store.LocalRoot is null;

    public string LocalPathOf(string key) => Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Lists the data files under the prefixes and returns their local paths, downloading where needed.</summary>
    public async Task<IReadOnlyList<LakeFile>> ListAsync(IEnumerable<string> prefixes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var files = new List<LakeFile>();
        foreach (var prefix in prefixes)
        {
            var objects = new List<LakeObject>();
            await foreach (var item in _store.ListAsync(prefix, cancellationToken))
            {
                if (LakePaths.IsDataFile(item.Key))
                {
                    objects.Add(item);
                }
            }

            files.AddRange(await LocalizeAsync(prefix, objects, cancellationToken));
        }

        return files;
    }

    public void Dispose() => _sync.Dispose();

    /// <summary>Drops the cached copy of an object that was deleted or replaced.</summary>
    public void Evict(string key)
    {
        if (IsMirror)
        {
            File.Delete(LocalPathOf(key));
        }
    }

    private async Task<IReadOnlyList<LakeFile>> LocalizeAsync(string prefix, List<LakeObject> objects, CancellationToken cancellationToken)
    {
        if (!IsMirror)
        {
            return [.. objects.Select(o => new LakeFile(o.Key, LocalPathOf(o.Key), o.Size))];
        }

        await _sync.WaitAsync(cancellationToken);
        try
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<LakeFile>(objects.Count);
            foreach (var item in objects)
            {
                var path = LocalPathOf(item.Key);
                wanted.Add(path);
                var cached = new FileInfo(path);
                if (!cached.Exists || cached.Length != item.Size)
                {
                    await DownloadAsync(item.Key, path, cancellationToken);
                }

                result.Add(new LakeFile(item.Key, path, item.Size));
            }

            RemoveStale(prefix, wanted);
            return result;
        }
        finally
        {
            _sync.Release();
        }
    }

    private async Task DownloadAsync(string key, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}{LocalLakeStore.TempSuffix}";
        try
        {
            await using (var source = await _store.OpenReadAsync(key, cancellationToken))
            await using (var target = File.Create(temp))
            {
                await source.CopyToAsync(target, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private void RemoveStale(string prefix, HashSet<string> wanted)
    {
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? _root : LocalPathOf(prefix[..slash]);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var keyPrefix = LocalPathOf(prefix);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (file.StartsWith(keyPrefix, StringComparison.Ordinal) && !wanted.Contains(file))
            {
                File.Delete(file);
            }
        }
    }
}
