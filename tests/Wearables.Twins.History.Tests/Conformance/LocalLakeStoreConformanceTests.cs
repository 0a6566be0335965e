using Wearables.Twins.History.Storage;

namespace Wearables.Twins.History.Tests.Conformance;

public sealed class LocalLakeStoreConformanceTests : LakeStoreConformance, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    protected override Task<ILakeStore> CreateStoreAsync() => Task.FromResult<ILakeStore>(new LocalLakeStore(_directory.Root));

    [Fact]
    public async Task A_temp_file_left_by_a_crash_is_neither_listed_nor_swept_while_fresh()
    {
        var store = new LocalLakeStore(_directory.Root);
        var folder = Path.Combine(_directory.Root, "vitals", "vital=spo2", "date=2026-11-27");
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "s-abc.parquet.0123.tmp");
        await File.WriteAllBytesAsync(temp, [1, 2, 3]);

        await foreach (var _ in store.ListAsync("vitals/", CancellationToken.None))
        {
            Assert.Fail("A temp file was listed.");
        }

        Assert.Equal(0, store.SweepTempFiles(DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.Equal(1, store.SweepTempFiles(DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.False(File.Exists(temp));
    }

    [Fact]
    public void Keys_that_escape_the_lake_are_refused()
        => Assert.Throws<ArgumentException>(() => new LocalLakeStore(_directory.Root).PathOf("../outside.parquet"));
}
