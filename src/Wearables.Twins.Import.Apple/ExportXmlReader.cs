using System.Runtime.CompilerServices;
using System.Xml;

namespace Wearables.Twins.Import.Apple;

/// <summary>
/// Streams export.xml element by element and hands each top-level element to its reader. Only the current
/// element is ever in memory (XmlReader, never the DOM), so a multi-gigabyte export reads in constant space.
/// </summary>
internal static class ExportXmlReader
{
    /// <summary>
    /// DtdProcessing.Ignore: Apple's internal DTD declares neither entities nor attribute defaults we would need,
    /// iOS 16 writes it malformed (an ATTLIST without its closing '&gt;'), and not parsing it rules out entity
    /// expansion attacks. No resolver, so nothing outside the file is ever fetched. CheckCharacters off so that a
    /// character reference to a control character (&amp;#11;) does not end the import either; raw ones are
    /// replaced by <see cref="ControlCharacterFilterStream"/>.
    /// </summary>
    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
        MaxCharactersFromEntities = 1024,
    };

    public static bool LooksLikeExport(ReadOnlySpan<byte> head)
        => head.IndexOf("<HealthData"u8) >= 0 || head.IndexOf("HealthKit Export"u8) >= 0;

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream content, ImportContext context, string? entryName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(new ControlCharacterFilterStream(content), Settings);
        var cursor = new XmlCursor(reader);
        while (await cursor.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var depth = reader.Depth;
            var isEmpty = reader.IsEmptyElement;
            switch (reader.LocalName)
            {
                case "HealthData":
                    // The root: go on into its children.
                    continue;

                case "ExportDate" or "Me":
                    // Export metadata and the wearer's characteristics (birth date, sex): not measurements.
                    break;

                case "Record":
                    await foreach (var record in RecordReader.ReadAsync(cursor, context, cancellationToken))
                    {
                        yield return record;
                    }

                    break;

                case "Correlation":
                    await foreach (var record in CorrelationReader.ReadAsync(cursor, context, cancellationToken))
                    {
                        yield return record;
                    }

                    break;

                case "Workout":
                    yield return WorkoutReader.Read(cursor);
                    break;

                default:
                    yield return WorkoutReader.ReadOther(cursor);
                    break;
            }

            await cursor.FinishElementAsync(depth, isEmpty);
        }

        if (cursor.Failure is { } failure)
        {
            var where = entryName is null ? string.Empty : $" of {entryName}";
            yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord,
                $"The XML{where} breaks at line {failure.LineNumber}, position {failure.LinePosition} ({FirstSentence(failure.Message)}); "
                + "everything before it was read, the rest of the file is not.");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
