namespace Wearables.Twins.Security;

/// <summary>
/// Claim names in tokens the local issuer writes. Amazon Cognito tokens carry the same facts differently
/// (<c>cognito:groups</c> holding roles and <c>team:&lt;id&gt;</c> groups, <c>custom:patient_id</c>); the API maps both.
/// </summary>
public static class TwinsClaimTypes
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Teams = "teams";
    public const string PatientId = "patient_id";
    public const string DeviceId = "device_id";
    public const string Name = "name";

    /// <summary>Cognito user-pool groups: role names, and care teams as <c>team:&lt;id&gt;</c>.</summary>
    public const string CognitoGroups = "cognito:groups";

    /// <summary>Prefix of a Cognito group naming a care team.</summary>
    public const string CognitoTeamGroupPrefix = "team:";

    /// <summary>Cognito custom attribute linking a patient's login to their patient id.</summary>
    public const string CognitoPatientId = "custom:patient_id";

    /// <summary>Cognito access tokens name the app client here instead of in <c>aud</c>.</summary>
    public const string CognitoClientId = "client_id";
}
