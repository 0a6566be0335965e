using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Garmin.Tests.Properties;

/// <summary>The shrunk counter-example the properties found, pinned: it used to end the whole import with an exception.</summary>
public sealed class PropertyRegressionTests
{
    [Fact]
    public async Task Beats_after_an_interval_of_ages_are_reported_not_thrown()
    {
        var start = FitFileBuilder.Time(new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero));
        var file = new FitFileBuilder()
            .Define(0, 0, (0, 1, FitType.Enum), (1, 2, FitType.UInt16), (2, 2, FitType.UInt16))
            .Data(0, 4, 1, 3290)
            .Define(1, 21, (253, 4, FitType.UInt32), (0, 1, FitType.Enum), (1, 1, FitType.Enum))
            .Data(1, start, 0, 0)
            .Define(2, 78, (0, 40, FitType.UInt64))
            .Data(2, new ulong?[] { 2430, 2492, 1_000_000_000_000_000, 1983, 1 })
            .Build();

        var outcome = await FitImportOutcome.RunAsync(file, seekable: true);

        Assert.Null(outcome.Failure);
        Assert.Equal([2430.0, 2492.0], Assert.Single(outcome.Records, r => r.Sample is not null).Sample!.Values!);
        Assert.Equal(2, outcome.Records.Count(r => r.Reason == GarminFitReasons.ImplausibleValue));
        Assert.Contains(outcome.Records, r => r.Reason == ImportReasons.UnreadableRecord && r.Detail!.Contains("1 beat intervals", StringComparison.Ordinal));
        Assert.Equal(VitalCatalog.RrIntervals.Code, outcome.Records[0].Sample?.Type);
    }
}
