namespace Wearables.Twins.Import;

/// <summary>
/// Reads one vendor's export format as a stream of records. An importer never throws for a bad record:
/// it yields <see cref="ImportRecord.Rejected"/> with a reason and goes on; it throws only when the file as a
/// whole cannot be read (not this format at all, truncated archive, I/O error).
/// Memory must stay bounded whatever the file size: read forward only, never load the whole file.
/// </summary>
public interface IHealthDataImporter
{
    /// <summary>The <c>--format</c> name: apple, huawei, xiaomi, fitbit, garmin, omh, csv.</summary>
    string Format { get; }

    /// <summary>Decides from the file name and its first bytes (up to 4 KiB) whether this importer reads the file.</summary>
    bool CanRead(string fileName, ReadOnlySpan<byte> head);

    /// <summary>Reads every record of <paramref name="content"/>, in file order.</summary>
    IAsyncEnumerable<ImportRecord> ReadAsync(Stream content, ImportContext context, CancellationToken cancellationToken = default);
}
