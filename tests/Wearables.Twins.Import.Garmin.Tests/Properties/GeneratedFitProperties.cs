using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Garmin.Tests.Properties;

/// <summary>
/// Generated activity files: every heart rate with an absolute time is imported at that time (the impossible ones
/// then refused by the service), every one that cannot be placed is one unreadable_record, every plausible beat
/// interval is imported in order and every implausible one is one implausible_value; seekable and forward-only
/// streams read the same.
/// </summary>
public sealed class GeneratedFitProperties
{
    private const long AbsurdBeat = 1L << 32;

    [Property(MaxTest = 200)]
    public Property Every_heart_rate_and_beat_interval_is_imported_or_reported_with_its_reason()
        => Prop.ForAll(GeneratedFitCases.Files(), async file =>
        {
            var bytes = file.Build();
            var context = new ImportContext { FileName = "generated.fit", LocalTimeZone = file.Zone };
            var outcome = await FitImportOutcome.RunAsync(bytes, seekable: true, context);
            var forwardOnly = await FitImportOutcome.RunAsync(bytes, seekable: false, context);

            Assert.True(outcome.Failure is null, $"The import ended with {outcome.Failure}");
            outcome.AssertClear(bytes);
            Assert.Equal(outcome.Records.Select(Describe), forwardOnly.Records.Select(Describe));
            Assert.All(outcome.Records, r => Assert.True(
                r.Reason is null or ImportReasons.UnreadableRecord or GarminFitReasons.ImplausibleValue, $"A well-formed file gave {r.Reason}: {r.Detail}"));

            var offset = new DateTimeOffset(2000, 1, 1, 0, 0, 0, file.ZoneOffset).ToString("zzz", System.Globalization.CultureInfo.InvariantCulture);
            Assert.All(outcome.Records.Where(r => r.Sample is not null), r => Assert.EndsWith(offset, r.Sample!.Time, StringComparison.Ordinal));

            var items = file.Items;
            Assert.Equal(
                items.Select(ExpectedHeartRate).OfType<string>(),
                outcome.Records.Where(r => r.Sample?.Type == "heart_rate" || r.Detail?.StartsWith("record message", StringComparison.Ordinal) == true).Select(Describe));

            var beats = items.OfType<BeatsItem>().SelectMany(b => b.Beats).OfType<long>().ToList();
            var plausible = beats.Where(b => VitalCatalog.RrIntervals.IsPlausible(b)).Select(b => (double)b).ToList();
            var imported = outcome.Records.Where(r => r.Sample?.Type == "rr_intervals").SelectMany(r => r.Sample!.Values!).ToList();
            Assert.Equal(beats.Count - plausible.Count, outcome.Records.Count(r => r.Reason == GarminFitReasons.ImplausibleValue));
            if (beats.Any(b => b >= AbsurdBeat))
            {
                // After an interval of ages the beat clock is past the calendar: later beats cannot be placed and are reported.
                Assert.Equal(plausible.Take(imported.Count), imported);
                Assert.True(imported.Count == plausible.Count || outcome.Records.Any(r => r.Reason == ImportReasons.UnreadableRecord && r.Detail?.Contains("beat intervals", StringComparison.Ordinal) == true));
            }
            else
            {
                Assert.Equal(plausible, imported);
            }
        });

    private static string? ExpectedHeartRate(FitItem item)
        => item switch
        {
            HeartRateItem hr => $"heart_rate {WireTime.Format(FitFileBuilder.FitEpoch.AddSeconds(hr.Time))} {hr.BeatsPerMinute} active",
            UnplacedHeartRateItem => ImportReasons.UnreadableRecord,
            _ => null,
        };

    /// <summary>The instant (not the offset, which the zone gives) and what matters of a record.</summary>
    private static string Describe(ImportRecord record)
        => record.Sample is { } s
            ? $"{s.Type} {(s.Time is null ? "-" : WireTime.Format(DateTimeOffset.Parse(s.Time, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime()))} {(s.Values is { } v ? string.Join(' ', v) : s.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture))} {s.Context}"
            : record.Reason!;
}
