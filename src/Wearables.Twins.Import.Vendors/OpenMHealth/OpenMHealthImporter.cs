using System.Runtime.CompilerServices;
using System.Text.Json;
using Wearables.Twins.Import.Vendors.Common;

namespace Wearables.Twins.Import.Vendors.OpenMHealth;

/// <summary>
/// Open mHealth data points (<c>{"header": {"schema_id": …}, "body": …}</c>): one data point, a JSON array of them,
/// or newline-delimited JSON (one per line). Arrays and pretty-printed documents are streamed element by element;
/// newline-delimited files are read line by line, so a corrupted line costs that line only.
/// </summary>
public sealed class OpenMHealthImporter : IHealthDataImporter
{
    /// <summary>How much of the start of the file is looked at to tell newline-delimited JSON from a document.</summary>
    private const int PeekBytes = 64 * 1024;

    public string Format => "omh";

    public bool CanRead(string fileName, ReadOnlySpan<byte> head)
        => FileHead.FirstSignificant(head) is '{' or '['
            && FileHead.Text(head) is var text
            && text.Contains("\"schema_id\"", StringComparison.Ordinal)
            && text.Contains("\"header\"", StringComparison.Ordinal);

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream content, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var (head, stream) = await StreamPeek.PeekAsync(content, PeekBytes, cancellationToken);
        var records = FileHead.FirstSignificant(head) == '{' && FirstLineIsWholeDocument(head)
            ? ReadLinesAsync(stream, cancellationToken)
            : ReadDocumentsAsync(stream, FileHead.FirstSignificant(head) == '[', cancellationToken);
        await foreach (var record in records)
        {
            yield return record;
        }
    }

    /// <summary>Newline-delimited JSON: each line is parsed on its own.</summary>
    private static async IAsyncEnumerable<ImportRecord> ReadLinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new LineReader(stream, JsonItemReader.DefaultMaxItemBytes);
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            var where = $"line {line.Number}";
            if (line.TooLong)
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: longer than {lines.MaxLineChars} characters.");
                continue;
            }

            if (!TryParse(line.Text, out var point, out var syntaxError))
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: not valid JSON ({syntaxError}).");
                continue;
            }

            if (!JsonText.IsReadable(point))
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: {JsonText.Problem}.");
                continue;
            }

            foreach (var record in OmhDataPointMapper.Map(point, where))
            {
                yield return record;
            }
        }
    }

    /// <summary>A root array of data points, or one or more (pretty-printed) data points one after the other.</summary>
    private static async IAsyncEnumerable<ImportRecord> ReadDocumentsAsync(
        Stream stream, bool array, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = JsonItemReader.ReadAsync(stream, name => array && name is null, rootValuesAreItems: !array,
            JsonItemReader.DefaultMaxItemBytes, cancellationToken);
        await foreach (var item in items)
        {
            var where = $"data point {item.Index + 1} (byte {item.ByteOffset})";
            if (item.Error is { } error)
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: {error}");
                yield break;
            }

            if (!JsonText.IsReadable(item.Element))
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: {JsonText.Problem}.");
                continue;
            }

            foreach (var record in OmhDataPointMapper.Map(item.Element, where))
            {
                yield return record;
            }
        }
    }

    /// <summary>True when the first line of the file holds one complete JSON value: newline-delimited JSON.</summary>
    private static bool FirstLineIsWholeDocument(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var end = head.IndexOfAny((byte)'\n', (byte)'\r');
        if (end < 0)
        {
            return false;
        }

        var reader = new Utf8JsonReader(head[..end], isFinalBlock: true, default);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryParse(string text, out JsonElement element, out string error)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
            error = string.Empty;
            return true;
        }
        catch (JsonException ex)
        {
            element = default;
            error = FirstSentence(ex.Message);
            return false;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
