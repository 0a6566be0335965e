using System.Text.Json.Serialization;

namespace Wearables.Twins.Api.Views;

/// <summary>Where an import job is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImportState>))]
public enum ImportState
{
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
