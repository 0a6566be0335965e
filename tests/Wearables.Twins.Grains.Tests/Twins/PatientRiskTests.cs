using System.Collections.Immutable;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.Grains;
using Wearables.Twins.Risk.News2;
using Wearables.Twins.Vitals;
using static Wearables.Twins.Grains.Tests.Samples;

namespace Wearables.Twins.Grains.Tests.Twins;

/// <summary>The twin scores risk after meaningful changes (debounced, off the ingest call) and publishes its transitions.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PatientRiskTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task SustainedLowOxygenOpensAHypoxemiaFindingAndPublishesOneRecommendation()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.BindAsync(patientId);
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        var readings = Enumerable.Range(0, 20)
            .Select(i => VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, start.AddMinutes(i), 85))
            .ToArray();

        var result = await wearable.RecordAsync(Batch(wearableId, readings));
        Assert.Equal(20, result.Added);

        var recommendation = await fixture.Recommendations
            .WaitForAsync(r => r.PatientId == patientId && r.Kind == RecommendationKinds.Hypoxemia)
            .WaitAsync(Within);
        Assert.Equal(RecommendationTransition.Opened, recommendation.Transition);
        Assert.Equal(wearableId, recommendation.WearableId);
        Assert.False(string.IsNullOrWhiteSpace(recommendation.EvidenceSummary));

        var risk = await _grains.GetGrain<IPatientRiskGrain>(patientId).GetRiskAsync();
        var finding = Assert.Single(risk.Findings, f => f.Kind == FindingKind.Hypoxemia);
        Assert.NotEmpty(finding.Evidence);
        Assert.True(risk.OverallLevel >= RiskLevel.Low);
        Assert.Contains("not a diagnosis", risk.Disclaimer, StringComparison.OrdinalIgnoreCase);

        // The same readings again change nothing: one finding, one recommendation.
        await wearable.RecordAsync(Batch(wearableId, readings));
        await _grains.GetGrain<IPatientRiskGrain>(patientId).SetObservationsAsync([], ClinicalFlags.None);
        Assert.Single(fixture.Recommendations.For(patientId), r => r.Kind == RecommendationKinds.Hypoxemia);
    }

    [Fact]
    public async Task ClinicianEnteredValuesCompleteTheEarlyWarningScore()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.BindAsync(patientId);
        var now = DateTimeOffset.UtcNow;

        // Half an hour sitting still (no steps) with the watch reading pulse and SpO2 every minute.
        var stillness = Enumerable.Range(0, 6)
            .Select(i => new VitalSample(VitalCatalog.Steps.Type, now.AddMinutes(-30 + (5 * i)), now.AddMinutes(-25 + (5 * i)), 0, double.NaN, []));
        var readings = Enumerable.Range(1, 15).SelectMany(i => new[]
        {
            VitalSample.Scalar(VitalCatalog.HeartRate.Type, now.AddMinutes(-i), 72),
            VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, now.AddMinutes(-i), 97),
        });
        await wearable.RecordAsync(Batch(wearableId, [.. stillness, .. readings]));

        var risk = await _grains.GetGrain<IPatientRiskGrain>(patientId).SetObservationsAsync(
            [
                new ManualObservation(News2Parameter.RespirationRate, 16, now.AddMinutes(-1)),
                new ManualObservation(News2Parameter.SystolicBloodPressure, 125, now.AddMinutes(-1)),
                new ManualObservation(News2Parameter.Consciousness, 0, now.AddMinutes(-1)),
                new ManualObservation(News2Parameter.AirOrOxygen, 0, now.AddMinutes(-1)),
                new ManualObservation(News2Parameter.Temperature, 36.8, now.AddMinutes(-1)),
            ],
            ClinicalFlags.None);

        Assert.NotNull(risk.News2);
        Assert.True(risk.News2.Missing.IsEmpty, string.Join(", ", risk.News2.Missing));
        Assert.Equal(0, risk.News2.Aggregate);
        Assert.Equal(ImmutableArray<News2Parameter>.Empty, risk.News2.Missing);
    }
}
