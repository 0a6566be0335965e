namespace Wearables.Twins.Security.Tests;

public sealed class TokenRequestTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static TheoryData<TokenRequest> ValidRequests => new()
    {
        new TokenRequest("admin-1", TwinsRoles.Admin, [], null, Hour),
        new TokenRequest("dr-1", TwinsRoles.Clinician, ["cardio", "renal"], null, Hour),
        new TokenRequest("dr-2", TwinsRoles.Clinician, [], null, Hour),
        new TokenRequest("user-p1", TwinsRoles.Patient, [], "p1", Hour),
        new TokenRequest("watch-1", TwinsRoles.Device, [], null, Hour),
        new TokenRequest("admin-1", TwinsRoles.Admin, [], null, TimeSpan.FromDays(366)),
    };

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public void AWellFormedRequestHasNoProblems(TokenRequest request) => Assert.Empty(request.Validate());

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void SubjectMustNotBeEmpty(string subject)
        => AssertSingleProblem(new TokenRequest(subject, TwinsRoles.Admin, [], null, Hour), "subject must not be empty.");

    [Theory]
    [InlineData("superuser")]
    [InlineData("Admin")]
    [InlineData("")]
    public void RoleMustBeKnown(string role)
        => AssertSingleProblem(new TokenRequest("someone", role, [], null, Hour),
            $"role '{role}' is not one of patient, clinician, admin, device.");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void PatientTokenNeedsItsPatientId(string? patientId)
        => AssertSingleProblem(new TokenRequest("user-p1", TwinsRoles.Patient, [], patientId, Hour),
            "a patient token needs the patient id it belongs to.");

    [Theory]
    [InlineData(TwinsRoles.Admin, null)]
    [InlineData(TwinsRoles.Device, null)]
    [InlineData(TwinsRoles.Patient, "p1")]
    public void OnlyCliniciansCarryTeams(string role, string? patientId)
        => AssertSingleProblem(new TokenRequest("someone", role, ["cardio"], patientId, Hour), "only clinician tokens carry care teams.");

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(366 * 24 * 3600 + 1)]
    public void LifetimeMustBePositiveAndAtMost366Days(int seconds)
        => AssertSingleProblem(new TokenRequest("admin-1", TwinsRoles.Admin, [], null, TimeSpan.FromSeconds(seconds)),
            "lifetime must be positive and at most 366 days.");

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var problems = new TokenRequest(" ", TwinsRoles.Patient, ["cardio"], null, TimeSpan.Zero).Validate();

        Assert.Equal(
            [
                "subject must not be empty.",
                "a patient token needs the patient id it belongs to.",
                "only clinician tokens carry care teams.",
                "lifetime must be positive and at most 366 days.",
            ],
            problems);
    }

    private static void AssertSingleProblem(TokenRequest request, string expected)
        => Assert.Equal([expected], request.Validate());
}
