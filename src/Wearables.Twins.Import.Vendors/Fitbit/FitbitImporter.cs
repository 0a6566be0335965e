using System.Runtime.CompilerServices;
using Wearables.Twins.Import.Vendors.Common;

namespace Wearables.Twins.Import.Vendors.Fitbit;

/// <summary>
/// Fitbit data: Fitabase CSV files (<c>minuteStepsNarrow_merged.csv</c>, <c>hourlySteps_merged.csv</c>,
/// <c>dailyActivity_merged.csv</c>, <c>dailySteps_merged.csv</c>, <c>heartrate_seconds_merged.csv</c>), the account
/// export's JSON (<c>heart_rate-*.json</c>, <c>steps-*.json</c>), or a ZIP of either. In a ZIP the finest
/// granularity of steps wins and coarser totals of the same hour or day are left out; a single file is imported
/// as it is (see the project README for what that means when several granularities are uploaded separately).
/// </summary>
public sealed class FitbitImporter : IHealthDataImporter
{
    public string Format => "fitbit";

    public bool CanRead(string fileName, ReadOnlySpan<byte> head)
        => FitabaseCsvParser.Recognises(head) || FitbitJsonParser.Recognises(head) || FitbitArchiveReader.Recognises(head);

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream content, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var (head, stream) = await StreamPeek.PeekAsync(content, 4096, cancellationToken);
        var state = new FitbitImportState(trackCoverage: false);
        var records = FileHead.IsZip(head) ? FitbitArchiveReader.ReadAsync(stream, context, cancellationToken)
            : FileHead.FirstSignificant(head) == '[' ? FitbitJsonParser.ReadAsync(stream, context.FileName, context, state, cancellationToken)
            : FitabaseCsvParser.ReadAsync(stream, context, state, null, cancellationToken);
        await foreach (var record in records)
        {
            yield return record;
        }
    }
}
