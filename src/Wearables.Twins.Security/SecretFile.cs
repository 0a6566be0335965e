namespace Wearables.Twins.Security;

/// <summary>
/// Creates a key file exactly once, even when several processes start together on one data directory, and writes files
/// atomically (temporary name, flushed, then moved) so no reader ever sees half a key.
/// </summary>
internal static class SecretFile
{
    private static readonly TimeSpan WaitForOtherCreator = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Writes <paramref name="path"/> with what <paramref name="produce"/> returns, unless it exists or another process
    /// is creating it (then waits for that one). <paramref name="produce"/> may write companion files first (a
    /// certificate next to its key): the key is written last, so its presence means the whole set is there.
    /// </summary>
    public static void CreateOnce(string path, Func<string> produce)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        // A lock file (O_EXCL) elects one creator: rename-without-overwrite is check-then-rename on Unix, so two processes
        // starting together could otherwise each install their own key, one after the other.
        var lockPath = path + ".lock";
        FileStream elected;
        try
        {
            elected = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write);
        }
        catch (IOException) when (File.Exists(lockPath) || File.Exists(path))
        {
            WaitFor(path, lockPath);
            return;
        }

        try
        {
            if (!File.Exists(path))
            {
                WriteAtomically(path, produce(), secret: true);
            }
        }
        finally
        {
            elected.Dispose();
            File.Delete(lockPath);
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/>; a secret is readable by its owner only.</summary>
    public static void WriteAtomically(string path, string content, bool secret)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: !secret);
    }

    private static void WaitFor(string path, string lockPath)
    {
        var deadline = DateTime.UtcNow + WaitForOtherCreator;
        while (!File.Exists(path))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new IOException($"Another process is creating {path} and has not finished; if none is running, delete {lockPath}.");
            }

            Thread.Sleep(10);
        }
    }
}
