namespace Wearables.Twins.Testing;

/// <summary>A cross-process mutex on a lock file (test projects run as parallel processes).</summary>
public sealed class FileGate : IAsyncDisposable
{
    private readonly FileStream _stream;

    private FileGate(FileStream stream) => _stream = stream;

    public static async Task<FileGate> AcquireAsync(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while (true)
        {
            try
            {
                return new FileGate(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (!timeout.IsCancellationRequested)
            {
                // Another test process holds it; it releases by closing the file, which raises no event here.
                await Task.Delay(200, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
