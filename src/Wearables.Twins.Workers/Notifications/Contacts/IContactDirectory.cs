namespace Wearables.Twins.Workers.Notifications.Contacts;

/// <summary>
/// Patients' contact preferences, read by the notification worker and maintained through the API
/// (get, put, opt-out, erase). Implementations: <see cref="SqliteContactDirectory"/> (embedded).
/// </summary>
public interface IContactDirectory
{
    Task<ContactPreferences?> GetAsync(string patientId, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a patient's preferences.</summary>
    /// <exception cref="ArgumentException">The preferences are invalid; the message lists every problem (see <see cref="ContactPreferencesValidation"/>).</exception>
    Task UpsertAsync(ContactPreferences preferences, CancellationToken cancellationToken = default);

    /// <summary>Sets or clears the opt-out; returns false when the patient has no preferences.</summary>
    Task<bool> SetOptOutAsync(string patientId, bool optedOut, CancellationToken cancellationToken = default);

    /// <summary>Erases a patient's contact data (right to erasure); returns false when there was none.</summary>
    Task<bool> DeleteAsync(string patientId, CancellationToken cancellationToken = default);
}
