namespace Wearables.Twins.Security.Tests;

public sealed class LocalSigningKeyTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void FirstLoadCreatesTheKeyReadableByItsOwnerOnly_AndLaterLoadsReuseIt()
    {
        var path = LocalIssuer.KeyPath(_data.Root);

        string firstKeyId;
        using (var created = LocalSigningKey.Load(path, create: true))
        {
            firstKeyId = created.KeyId;
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var pem = File.ReadAllText(path);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);

        using var again = LocalSigningKey.Load(path, create: true);
        using var readOnly = LocalSigningKey.Load(path, create: false);
        Assert.Equal(firstKeyId, again.KeyId);
        Assert.Equal(firstKeyId, readOnly.KeyId);
        Assert.Equal(pem, File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task ConcurrentFirstLoadsAgreeOnOneKey()
    {
        // Several rounds on fresh paths, so the creators really do race for the same missing file.
        for (var round = 0; round < 10; round++)
        {
            var path = Path.Combine(_data.Root, "round-" + round, "key.pem");
            using var start = new Barrier(4);
            var loads = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                using var key = LocalSigningKey.Load(path, create: true);
                return key.KeyId;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

            var keyIds = await Task.WhenAll(loads);

            using var onDisk = LocalSigningKey.Load(path, create: false);
            Assert.All(keyIds, id => Assert.Equal(onDisk.KeyId, id));
            // The losers' temporary files are gone.
            Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
    }

    [Fact]
    public void LoadWithoutCreateOnAMissingPathNamesThePath()
    {
        var path = LocalIssuer.KeyPath(_data.Root);

        var error = Assert.Throws<FileNotFoundException>(() => LocalSigningKey.Load(path, create: false));

        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data.Root));
    }

    [Fact]
    public void DifferentDataDirectoriesGetDifferentKeys()
    {
        using var first = LocalSigningKey.Load(Path.Combine(_data.Root, "a", "key.pem"), create: true);
        using var second = LocalSigningKey.Load(Path.Combine(_data.Root, "b", "key.pem"), create: true);

        Assert.NotEqual(first.KeyId, second.KeyId);
    }
}
