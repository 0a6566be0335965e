using System.Text.Json.Serialization;

namespace Wearables.Twins.Workers.Notifications.Contacts;

/// <summary>A way to reach a patient.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContactChannel>))]
public enum ContactChannel
{
    [JsonStringEnumMemberName("email")] Email = 0,
    [JsonStringEnumMemberName("sms")] Sms = 1,
}
