using System.Text.Json.Serialization;

namespace Wearables.Twins.Campaigns.Running;

/// <summary>How a request to run a campaign ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunOutcome>))]
public enum RunOutcome
{
    [JsonStringEnumMemberName("completed")] Completed = 0,
    [JsonStringEnumMemberName("unknown")] Unknown = 1,
    [JsonStringEnumMemberName("paused")] Paused = 2,
    [JsonStringEnumMemberName("not_due")] NotDue = 3,
    [JsonStringEnumMemberName("already_running")] AlreadyRunning = 4,
    [JsonStringEnumMemberName("failed")] Failed = 5,
}
