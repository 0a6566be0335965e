using Microsoft.Extensions.Time.Testing;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Tests;

public sealed class RetentionTests
{
    [Fact]
    public async Task Days_older_than_a_vitals_retention_are_deleted_and_other_vitals_are_kept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        await using var lake = LakeHost.Local(new() { ["Twins:History:Retention:heart_rate"] = "30.00:00:00" }, time);
        var old = time.GetUtcNow().AddDays(-40);
        var recent = time.GetUtcNow().AddDays(-29);
        await lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(old, 3, TimeSpan.FromMinutes(1)));
        await lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(recent, 3, TimeSpan.FromMinutes(1)));
        await lake.Writer.AppendAsync("p1", "w1", new[] { Samples.BloodPressure(old, 120, 80) });
        await lake.Writer.FlushAsync(CancellationToken.None);

        var report = await lake.Retention.ApplyAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["heart_rate"] = 1 }, report.FilesDeleted);
        Assert.Empty(await lake.Reader.ReadAsync("p1", VitalCatalog.HeartRate.Type, old.AddDays(-1), old.AddDays(1)));
        Assert.Equal(3, (await lake.Reader.ReadAsync("p1", VitalCatalog.HeartRate.Type, recent, recent.AddDays(1))).Count);
        Assert.Single(await lake.Reader.ReadAsync("p1", VitalCatalog.BloodPressure.Type, old, old.AddDays(1)));
    }
}
