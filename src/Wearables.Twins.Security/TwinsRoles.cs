namespace Wearables.Twins.Security;

/// <summary>The roles a caller can hold. A person has one of the first three; a wearable authenticates as a device.</summary>
public static class TwinsRoles
{
    /// <summary>Sees and writes only their own patient record.</summary>
    public const string Patient = "patient";

    /// <summary>Sees the patients of the care teams they belong to.</summary>
    public const string Clinician = "clinician";

    /// <summary>Manages care teams, campaigns, erasure, SQL and the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>A wearable (or the phone app on its behalf) publishing its own telemetry.</summary>
    public const string Device = "device";

    public static IReadOnlyList<string> All { get; } = [Patient, Clinician, Admin, Device];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
