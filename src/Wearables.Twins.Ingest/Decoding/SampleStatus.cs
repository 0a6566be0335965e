using System.Text.Json.Serialization;

namespace Wearables.Twins.Ingest.Decoding;

/// <summary>What happened to one sample of an envelope.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SampleStatus>))]
public enum SampleStatus
{
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>The same measurement appeared earlier in the same envelope; kept once.</summary>
    [JsonStringEnumMemberName("duplicate")]
    Duplicate,

    [JsonStringEnumMemberName("rejected")]
    Rejected,
}
