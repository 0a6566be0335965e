using System.Runtime.CompilerServices;
using Wearables.Twins.Import.Vendors.Common;

namespace Wearables.Twins.Import.Vendors.Xiaomi;

/// <summary>
/// Xiaomi bands and watches: the CSV files of a Mi Fitness / Zepp Life (Amazfit) account data export
/// (<c>HEARTRATE_AUTO</c>, <c>ACTIVITY</c>, <c>ACTIVITY_MINUTE</c>, <c>SLEEP</c>), and Gadgetbridge's database export
/// (<c>Gadgetbridge.db</c>, SQLite). A SQLite header in the first bytes selects the database reader.
/// </summary>
public sealed class XiaomiImporter : IHealthDataImporter
{
    public string Format => "xiaomi";

    public bool CanRead(string fileName, ReadOnlySpan<byte> head)
        => ZeppCsvParser.Recognises(head) || GadgetbridgeReader.Recognises(fileName, head);

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream content, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var (head, stream) = await StreamPeek.PeekAsync(content, 64, cancellationToken);
        var records = FileHead.IsSqlite(head)
            ? GadgetbridgeReader.ReadAsync(stream, context, cancellationToken)
            : ZeppCsvParser.ReadAsync(stream, context, cancellationToken);
        await foreach (var record in records)
        {
            yield return record;
        }
    }
}
