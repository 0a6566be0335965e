using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Reading;
using Wearables.Twins.History.Schema;
using Wearables.Twins.History.Writing;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Maintenance;

/// <summary>
/// Deletes whole partitions older than their vital's retention. Day-granular: a day is removed once all of it is
/// older than the retention period.
/// </summary>
public sealed partial class LakeRetention(
    LakeFiles files, LakeGate gate, IOptions<HistoryOptions> options, TimeProvider time, ILogger<LakeRetention> logger)
{
    public async Task<RetentionReport> ApplyAsync(CancellationToken cancellationToken)
    {
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var vital in VitalCatalog.All)
        {
            if (options.Value.RetentionOf(vital.Code) is not { } retention)
            {
                continue;
            }

            // Days strictly before the cut-off's date are wholly older than the retention.
            var cutoff = LakePaths.UtcDate(now - retention);
            using var entered = await gate.EnterAsync(cancellationToken);
            var expired = new List<string>();
            await foreach (var item in files.Store.ListAsync(LakePaths.VitalPrefix(vital.Code), cancellationToken))
            {
                if (LakePaths.TryParse(item.Key, out var partition) && partition.Date < cutoff)
                {
                    expired.Add(item.Key);
                }
            }

            foreach (var key in expired)
            {
                await files.Store.DeleteAsync(key, cancellationToken);
                files.Evict(key);
            }

            if (expired.Count > 0)
            {
                deleted[vital.Code] = expired.Count;
                LogExpired(logger, expired.Count, vital.Code, cutoff);
            }
        }

        return new RetentionReport(deleted);
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Information, Message = "Retention removed {Files} files of {Vital} before {Cutoff}.")]
    private static partial void LogExpired(ILogger logger, int files, string vital, DateOnly cutoff);
}
