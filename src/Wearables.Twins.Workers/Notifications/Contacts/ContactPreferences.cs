using System.Text.Json.Serialization;

namespace Wearables.Twins.Workers.Notifications.Contacts;

/// <summary>How, when and in which language a patient wants to hear from the service.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Email">Address for the email channel.</param>
/// <param name="PhoneNumber">E.164 number (e.g. +5511912345678) for the SMS channel.</param>
/// <param name="Channels">Channels the patient accepts, in order of preference.</param>
/// <param name="Language">"en" or "pt-BR" (other values fall back to English).</param>
/// <param name="TimeZone">IANA time zone, e.g. America/Sao_Paulo; quiet hours are read in it.</param>
/// <param name="QuietHoursStart">Local time quiet hours begin (e.g. 22:00); null for none.</param>
/// <param name="QuietHoursEnd">Local time they end (e.g. 07:00); may be earlier than the start (over midnight).</param>
/// <param name="OptedOut">The patient withdrew consent to be contacted (LGPD / GDPR): nothing is sent.</param>
public sealed record ContactPreferences(
    [property: JsonPropertyName("patientId")] string PatientId,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("phoneNumber")] string? PhoneNumber,
    [property: JsonPropertyName("channels")] IReadOnlyList<ContactChannel> Channels,
    [property: JsonPropertyName("language")] string Language = "en",
    [property: JsonPropertyName("timeZone")] string TimeZone = "UTC",
    [property: JsonPropertyName("quietHoursStart")] TimeOnly? QuietHoursStart = null,
    [property: JsonPropertyName("quietHoursEnd")] TimeOnly? QuietHoursEnd = null,
    [property: JsonPropertyName("optedOut")] bool OptedOut = false);
