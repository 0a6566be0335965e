using Wearables.Twins.Recommendations;
using Wearables.Twins.Vitals;
using static Wearables.Twins.Grains.Tests.Samples;

namespace Wearables.Twins.Grains.Tests.CareTeams;

/// <summary>The patient twin remembers its care team and stamps it on the recommendations it emits.</summary>
[Collection(CareTeamClusterCollection.Name)]
public sealed class PatientCareTeamTests(CareTeamClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task SettingTheCareTeamReturnsThePreviousOneAndLeavingOnlyClearsTheCurrentOne()
    {
        var patient = _grains.GetGrain<IPatientGrain>(NewId("p"));

        Assert.Null(await patient.SetCareTeamAsync("team-a"));
        Assert.Equal("team-a", await patient.SetCareTeamAsync("team-b"));
        Assert.False(await patient.LeaveCareTeamAsync("team-a"));
        Assert.Equal("team-b", await patient.GetCareTeamAsync());

        await fixture.Cluster.DeactivateAsync(patient);
        Assert.Equal("team-b", await patient.GetCareTeamAsync());
        Assert.True(await patient.LeaveCareTeamAsync("team-b"));
        Assert.Null(await patient.GetCareTeamAsync());
    }

    [Fact]
    public async Task RecommendationsCarryThePatientsCareTeam()
    {
        var (wearableId, patientId, teamId) = (NewId("w"), NewId("p"), NewId("team"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.BindAsync(patientId);
        await _grains.GetGrain<IPatientGrain>(patientId).SetCareTeamAsync(teamId);
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);

        // Twenty minutes of low oxygen saturation open a hypoxemia finding.
        await wearable.RecordAsync(Batch(wearableId, [.. Enumerable.Range(0, 20)
            .Select(i => VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, start.AddMinutes(i), 85))]));

        var recommendation = await fixture.Recommendations
            .WaitForAsync(r => r.PatientId == patientId && r.Kind == RecommendationKinds.Hypoxemia)
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(teamId, recommendation.CareTeamId);
    }
}
