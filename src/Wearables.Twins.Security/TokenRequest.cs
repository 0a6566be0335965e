namespace Wearables.Twins.Security;

/// <summary>What a local token says about its holder.</summary>
/// <param name="Subject">The caller's stable id (user id, or the device id for devices).</param>
/// <param name="Role">One of <see cref="TwinsRoles"/>.</param>
/// <param name="Teams">Care teams the token asserts membership of (clinicians).</param>
/// <param name="PatientId">The patient a patient-role token belongs to.</param>
/// <param name="Lifetime">How long the token is valid.</param>
public sealed record TokenRequest(string Subject, string Role, IReadOnlyList<string> Teams, string? PatientId, TimeSpan Lifetime)
{
    /// <summary>Problems with the request, each naming the field; empty when it can be issued.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Subject))
        {
            errors.Add("subject must not be empty.");
        }

        if (!TwinsRoles.IsKnown(Role))
        {
            errors.Add($"role '{Role}' is not one of {string.Join(", ", TwinsRoles.All)}.");
        }

        if (Role == TwinsRoles.Patient && string.IsNullOrWhiteSpace(PatientId))
        {
            errors.Add("a patient token needs the patient id it belongs to.");
        }

        if (Role != TwinsRoles.Clinician && Teams.Count > 0)
        {
            errors.Add("only clinician tokens carry care teams.");
        }

        if (Lifetime <= TimeSpan.Zero || Lifetime > TimeSpan.FromDays(366))
        {
            errors.Add("lifetime must be positive and at most 366 days.");
        }

        return errors;
    }
}
