using Wearables.Twins.Campaigns.Cohorts;
using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Campaigns.Findings;
using Wearables.Twins.Recommendations;
using static Wearables.Twins.Campaigns.Tests.Samples;

namespace Wearables.Twins.Campaigns.Tests;

[Collection(CampaignClusterCollection.Name)]
public sealed class CohortTests(CampaignCluster cluster)
{
    [Fact]
    public async Task Systolic_at_least_140_on_3_of_the_last_7_days_selects_exactly_the_right_patients()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster);
        var today = harness.Today;
        DateOnly Day(int daysAgo) => today.AddDays(-daysAgo);
        var p = new Dictionary<string, string>();
        string Id(string name) => p[name] = Unique(name);

        // Three days with a high reading among normal ones: the day's max counts.
        await harness.WriteLakeAsync(Id("three-days"),
            BloodPressure(At(Day(1), 8), 150), BloodPressure(At(Day(1), 20), 118),
            BloodPressure(At(Day(3), 9), 142), BloodPressure(At(Day(5), 9), 171), BloodPressure(At(Day(5), 10), 121));
        // Exactly the threshold is enough (≥).
        await harness.WriteLakeAsync(Id("exactly-140"), BloodPressure(At(Day(0), 7), 140), BloodPressure(At(Day(2), 7), 140), BloodPressure(At(Day(6), 7), 140));
        // Only two high days.
        await harness.WriteLakeAsync(Id("two-days"), BloodPressure(At(Day(0), 9), 155), BloodPressure(At(Day(4), 9), 155), BloodPressure(At(Day(5), 9), 135));
        // Three high days, but two fall before the 7-day window.
        await harness.WriteLakeAsync(Id("old-days"), BloodPressure(At(Day(7), 9), 160), BloodPressure(At(Day(9), 9), 160), BloodPressure(At(Day(2), 9), 160));
        // Many high readings on one day are one day.
        await harness.WriteLakeAsync(Id("one-day"), [.. Enumerable.Range(0, 6).Select(i => BloodPressure(At(Day(1), 8 + i), 165))]);
        // Diastolic high, systolic normal.
        await harness.WriteLakeAsync(Id("diastolic"), [.. Enumerable.Range(0, 4).Select(i => BloodPressure(At(Day(i), 9), 132, 96))]);
        // 23:30 in Brasília is the next UTC day: by the patient's own days only two of these are in the window.
        await harness.WriteLakeAsync(Id("late-evening"),
            BloodPressure(At(Day(7), 23.5), 150), BloodPressure(At(Day(3), 9), 150), BloodPressure(At(Day(1), 9), 150));
        // Heart rate only.
        await harness.WriteLakeAsync(Id("heart-only"), HeartRate(At(Day(0), 9), 150), HeartRate(At(Day(1), 9), 150), HeartRate(At(Day(2), 9), 150));
        // The same readings flushed twice (two files per partition): still three days, counted once.
        var duplicated = HighSystolicDays(today, 3);
        await harness.WriteLakeAsync(Id("written-twice"), duplicated);
        await harness.WriteLakeAsync(p["written-twice"], [duplicated[0], duplicated[1], duplicated[2], BloodPressure(At(Day(0), 11), 120)]);

        var cohort = await harness.Get<CohortEvaluator>().EvaluateAsync(HighSystolicRule, harness.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(new HashSet<string> { p["three-days"], p["exactly-140"], p["written-twice"] }, cohort);
    }

    [Fact]
    public async Task Open_findings_come_from_the_recommendations_projection_and_combine_with_history()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster);
        var projection = new FindingsProjectionHandler(harness.Grains);
        var (high, resolved, feverish, medium) = (Unique("high"), Unique("resolved"), Unique("fever"), Unique("medium"));
        var at = harness.Time.GetUtcNow().AddHours(-5);
        foreach (var patient in new[] { high, resolved, feverish })
        {
            await harness.WriteHighSystolicAsync(patient);
        }

        await projection.ApplyAsync(Recommendation(high, RecommendationKinds.Hypertension, RecommendationSeverity.High, RecommendationTransition.Opened, at));
        var opened = Recommendation(resolved, RecommendationKinds.Hypertension, RecommendationSeverity.High, RecommendationTransition.Opened, at);
        await projection.ApplyAsync(opened);
        await projection.ApplyAsync(Recommendation(resolved, RecommendationKinds.Hypertension, RecommendationSeverity.High, RecommendationTransition.Resolved, at.AddHours(1)));
        await projection.ApplyAsync(opened); // redelivered after the resolution: must not reopen it
        await projection.ApplyAsync(Recommendation(feverish, RecommendationKinds.Fever, RecommendationSeverity.High, RecommendationTransition.Opened, at));
        await projection.ApplyAsync(Recommendation(medium, RecommendationKinds.Hypertension, RecommendationSeverity.Medium, RecommendationTransition.Opened, at));

        var evaluator = harness.Get<CohortEvaluator>();
        async Task<HashSet<string>> Select(CohortRule rule)
            => (await evaluator.EvaluateAsync(rule, harness.Time.GetUtcNow(), CancellationToken.None))
                .Where(id => id == high || id == resolved || id == feverish || id == medium).ToHashSet();

        Assert.Equal(Set(high, medium), await Select(new OpenFindingRule(RecommendationKinds.Hypertension, RecommendationSeverity.Medium)));
        Assert.Equal(Set(high), await Select(new OpenFindingRule(RecommendationKinds.Hypertension, RecommendationSeverity.High)));
        Assert.Equal(Set(high), await Select(new AllOfRule([HighSystolicRule, new OpenFindingRule(RecommendationKinds.Hypertension)])));
        Assert.Equal(Set(high, feverish, medium), await Select(new AnyOfRule([
            new OpenFindingRule(RecommendationKinds.Hypertension, RecommendationSeverity.Medium),
            new OpenFindingRule(RecommendationKinds.Fever, RecommendationSeverity.High)])));
        Assert.Equal(Set(high, resolved, feverish, medium), await Select(new AnyOfRule([HighSystolicRule, new OpenFindingRule(RecommendationKinds.Hypertension)])));
    }

    private static HashSet<string> Set(params string[] ids) => new(ids, StringComparer.Ordinal);

    private static Recommendation Recommendation(
        string patientId, string kind, RecommendationSeverity severity, RecommendationTransition transition, DateTimeOffset at)
        => new(Twins.Recommendations.Recommendation.StableId(patientId, "f-" + kind, transition, 0), kind, transition, severity, patientId,
            "watch-1", "f-" + kind, "evidence", "action", at);
}
