using System.Runtime.InteropServices;

namespace Wearables.Twins.Durability;

/// <summary>
/// fsync of a folder, which makes a file creation or rename in it durable. .NET refuses to open folders as
/// files, so on Unix this goes to libc directly.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int InvalidArgument = 22; // EINVAL on Linux and macOS: the file system cannot fsync folders.

    /// <summary>
    /// Flushes the folder's entries to disk. False where that is not possible (Windows, where NTFS journals
    /// metadata and no folder handle is offered; or a file system without folder fsync). Throws on an I/O error.
    /// </summary>
    public static bool TryFlush(string directory)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()))
        {
            return false;
        }

        var fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            return false;
        }

        try
        {
            if (FSync(fd) == 0)
            {
                return true;
            }

            var error = Marshal.GetLastPInvokeError();
            return error == InvalidArgument
                ? false
                : throw new IOException($"fsync of the folder '{directory}' failed with errno {error}.");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
