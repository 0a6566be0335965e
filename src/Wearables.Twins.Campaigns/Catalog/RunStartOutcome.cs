using System.Text.Json.Serialization;

namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>Whether a run could claim its campaign.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStartOutcome>))]
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.RunStartOutcome")]
public enum RunStartOutcome
{
    [JsonStringEnumMemberName("started")] Started = 0,
    [JsonStringEnumMemberName("unknown")] Unknown = 1,
    [JsonStringEnumMemberName("paused")] Paused = 2,
    [JsonStringEnumMemberName("not_due")] NotDue = 3,
    [JsonStringEnumMemberName("already_running")] AlreadyRunning = 4,
}
