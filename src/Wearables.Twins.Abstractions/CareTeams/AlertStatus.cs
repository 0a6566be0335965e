using System.Text.Json.Serialization;

namespace Wearables.Twins.CareTeams;

/// <summary>Where an alert is in its lifecycle: open → acknowledged → resolved, never backwards.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertStatus>))]
[GenerateSerializer, Alias("Wearables.Twins.AlertStatus")]
public enum AlertStatus
{
    /// <summary>Nobody has taken it yet; it escalates when its deadline passes.</summary>
    [JsonStringEnumMemberName("open")] Open = 0,

    /// <summary>Someone took it; it no longer escalates.</summary>
    [JsonStringEnumMemberName("acknowledged")] Acknowledged = 1,

    /// <summary>Closed by a person, or by the twin when the finding cleared.</summary>
    [JsonStringEnumMemberName("resolved")] Resolved = 2,
}
