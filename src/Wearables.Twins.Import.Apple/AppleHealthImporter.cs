using System.Runtime.CompilerServices;

namespace Wearables.Twins.Import.Apple;

/// <summary>
/// Imports Apple Health's "Export All Health Data": <c>export.zip</c> (export.xml and the ECG CSVs) or
/// <c>export.xml</c> alone. Streams forward only; memory stays bounded by one element (one record, one
/// correlation, one chunk of 256 RR intervals, one ECG of at most 16384 voltages) whatever the export's size.
/// See README.md for the mapping and the quirks handled.
/// </summary>
public sealed class AppleHealthImporter : IHealthDataImporter
{
    private const int ZipMagicLength = 4;

    public string Format => "apple";

    public bool CanRead(string fileName, ReadOnlySpan<byte> head)
        => ExportArchive.LooksLikeExport(head) || ExportXmlReader.LooksLikeExport(head);

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream content, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);

        // The content decides, not the name: uploads are stored under temp names.
        var head = new byte[ZipMagicLength];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        Stream stream;
        if (content.CanSeek)
        {
            content.Seek(-headLength, SeekOrigin.Current);
            stream = content;
        }
        else
        {
            stream = new HeadReplayStream(head.AsMemory(0, headLength), content);
        }

        var records = ExportArchive.IsZip(head.AsSpan(0, headLength))
            ? ExportArchive.ReadAsync(stream, context, cancellationToken)
            : ExportXmlReader.ReadAsync(stream, context, entryName: null, cancellationToken);
        await foreach (var record in records)
        {
            yield return record;
        }
    }
}
