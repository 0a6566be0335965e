using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Wearables.Twins.Import.Apple;

/// <summary>
/// Reads export.zip: <c>apple_health_export/export.xml</c> streamed from its entry, then each
/// <c>electrocardiograms/ecg_*.csv</c>, in archive order. <c>export_cda.xml</c> (the same data as a clinical
/// document), workout routes (GPX) and clinical records are not read. Entries are decompressed as they are read,
/// never extracted; the archive's directory (about a hundred bytes per entry) is the only thing held for the
/// whole import.
/// </summary>
internal static class ExportArchive
{
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\x03\x04"u8);

    /// <summary>
    /// A zip whose first entries' names (in the first bytes) show an Apple export: every entry of one lives under
    /// apple_health_export/, and a hand-made zip of the XML alone names export.xml.
    /// </summary>
    public static bool LooksLikeExport(ReadOnlySpan<byte> head)
        => IsZip(head) && (head.IndexOf("apple_health_export"u8) >= 0 || head.IndexOf("export.xml"u8) >= 0);

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream content, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A zip is read from its end (the central directory), so it needs a seekable stream. Uploads arrive as
        // temp files; anything else is spooled to one rather than buffered in memory.
        await using var spool = content.CanSeek ? null : await SpoolAsync(content, cancellationToken);
        await using var archive = await ZipArchive.CreateAsync(spool ?? content, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        var exports = archive.Entries.Where(IsExportXml).Take(1).ToList();
        if (exports.Count == 0 && !archive.Entries.Any(IsEcg))
        {
            throw new InvalidDataException(
                $"{NameOf(context)} is a zip without export.xml or electrocardiograms/*.csv; it is not an Apple Health export.");
        }

        foreach (var entry in archive.Entries)
        {
            if (exports.Contains(entry))
            {
                await using var xml = await entry.OpenAsync(cancellationToken);
                await foreach (var record in ExportXmlReader.ReadAsync(xml, context, entry.FullName, cancellationToken))
                {
                    yield return record;
                }
            }
            else if (IsEcg(entry))
            {
                await using var csv = await entry.OpenAsync(cancellationToken);
                yield return await EcgCsvReader.ReadAsync(csv, entry.FullName, context, cancellationToken);
            }
        }
    }

    private static bool IsExportXml(ZipArchiveEntry entry)
        => string.Equals(entry.Name, "export.xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsEcg(ZipArchiveEntry entry)
        => entry.FullName.Contains("electrocardiograms/", StringComparison.OrdinalIgnoreCase)
            && entry.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    private static string NameOf(ImportContext context)
        => string.IsNullOrEmpty(context.FileName) ? "The file" : context.FileName;

    private static async Task<FileStream> SpoolAsync(Stream content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"apple-export-{Guid.NewGuid():N}.zip");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await content.CopyToAsync(spool, cancellationToken);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }
}
