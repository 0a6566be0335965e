using Wearables.Twins.CareTeams;
using static Wearables.Twins.Grains.Tests.CareTeams.Alerts;

namespace Wearables.Twins.Grains.Tests.CareTeams;

/// <summary>A care team keeps its settings, members and patients; the grain refuses a definition that breaks its bounds.</summary>
[Collection(CareTeamClusterCollection.Name)]
public sealed class CareTeamGrainTests(CareTeamClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AnUndefinedTeamIsUnknownAndTakesNoPatients()
    {
        var team = _grains.GetGrain<ICareTeamGrain>(Samples.NewId("team"));

        Assert.Null(await team.GetAsync());
        Assert.Empty(await team.GetMembersAsync());
        Assert.Equal(PatientAssignmentOutcome.UnknownTeam, await team.AddPatientAsync("p-1"));
        Assert.Empty(await team.GetPatientsAsync());
    }

    [Fact]
    public async Task DefiningATeamKeepsItsSettingsMembersAndPatientsAcrossRedefinitionAndDeactivation()
    {
        var teamId = Samples.NewId("team");
        var team = _grains.GetGrain<ICareTeamGrain>(teamId);

        var defined = await team.DefineAsync(Team(Ana, Bruno));
        Assert.Equal(teamId, defined.TeamId);
        Assert.Equal(AcknowledgeDeadlines.Default, defined.Definition.AcknowledgeWithin);
        Assert.Equal(TimeSpan.FromMinutes(5), defined.Definition.AcknowledgeWithin.High);

        Assert.Equal(PatientAssignmentOutcome.Added, await team.AddPatientAsync("p-b"));
        Assert.Equal(PatientAssignmentOutcome.Added, await team.AddPatientAsync("p-a"));
        Assert.Equal(PatientAssignmentOutcome.AlreadyInTeam, await team.AddPatientAsync("p-a"));

        await team.DefineAsync(Team(Bruno) with { DisplayName = "Night shift" });
        await fixture.Cluster.DeactivateAsync(team);

        var info = await team.GetAsync();
        Assert.NotNull(info);
        Assert.Equal("Night shift", info.Definition.DisplayName);
        Assert.Equal(2, info.Patients);
        Assert.Equal<string>(["p-a", "p-b"], await team.GetPatientsAsync());
        Assert.Equal<CareTeamContact>([Bruno], await team.GetMembersAsync());
        Assert.True(await team.IsMemberAsync("bruno"));
        Assert.False(await team.IsMemberAsync("ana"));
    }

    [Fact]
    public async Task RemovingAPatientReportsWhetherTheTeamFollowedThem()
    {
        var team = _grains.GetGrain<ICareTeamGrain>(Samples.NewId("team"));
        await team.DefineAsync(Team(Ana));
        await team.AddPatientAsync("p-1");

        Assert.True(await team.RemovePatientAsync("p-1"));
        Assert.False(await team.RemovePatientAsync("p-1"));
        Assert.Empty(await team.GetPatientsAsync());
    }

    [Fact]
    public async Task ADefinitionThatBreaksTheRulesIsRefused()
    {
        var team = _grains.GetGrain<ICareTeamGrain>(Samples.NewId("team"));

        await Assert.ThrowsAsync<ArgumentException>(async () => await team.DefineAsync(Team(Ana, Ana)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await team.DefineAsync(Team(Ana) with { DisplayName = " " }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await team.DefineAsync(Team(TimeSpan.Zero, Ana)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await team.DefineAsync(
            Team([.. Enumerable.Range(0, CareTeamLimits.MaxContacts + 1).Select(i => new CareTeamContact($"c{i}", $"Contact {i}"))])));
        Assert.Null(await team.GetAsync());
    }
}
