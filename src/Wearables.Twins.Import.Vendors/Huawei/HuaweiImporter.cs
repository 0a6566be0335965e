using System.Runtime.CompilerServices;
using Wearables.Twins.Import.Vendors.Common;

namespace Wearables.Twins.Import.Vendors.Huawei;

/// <summary>
/// Huawei Health exports: raw "HiTrack" workout files (<c>tp=h-r;k=…;v=…;</c> lines) and Health Kit sample points
/// as JSON (<c>samplePoints</c> with <c>dataType</c>, <c>startTime</c>/<c>endTime</c> in ms and field values).
/// The first bytes tell which of the two a file is.
/// </summary>
public sealed class HuaweiImporter : IHealthDataImporter
{
    public string Format => "huawei";

    public bool CanRead(string fileName, ReadOnlySpan<byte> head)
        => HiTrackParser.Recognises(head) || HealthKitJsonParser.Recognises(head);

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream content, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var (head, stream) = await StreamPeek.PeekAsync(content, 4096, cancellationToken);
        var records = FileHead.FirstSignificant(head) is '{' or '['
            ? HealthKitJsonParser.ReadAsync(stream, context, cancellationToken)
            : HiTrackParser.ReadAsync(stream, context, cancellationToken);
        await foreach (var record in records)
        {
            yield return record;
        }
    }
}
