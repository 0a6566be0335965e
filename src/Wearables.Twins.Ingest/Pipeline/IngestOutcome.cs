using System.Text.Json.Serialization;

namespace Wearables.Twins.Ingest.Pipeline;

/// <summary>How an envelope ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IngestOutcome>))]
public enum IngestOutcome
{
    /// <summary>Every accepted sample is durable and applied to the twins; some samples may have been rejected.</summary>
    [JsonStringEnumMemberName("stored")]
    Stored,

    /// <summary>The envelope was readable but every sample was rejected; nothing was stored.</summary>
    [JsonStringEnumMemberName("nothing_stored")]
    NothingStored,

    /// <summary>The envelope itself was refused (see <see cref="IngestReport.Problem"/>); nothing was stored.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,

    /// <summary>The samples are durable but the twins could not take them now; redeliver (it is idempotent).</summary>
    [JsonStringEnumMemberName("unavailable")]
    Unavailable,
}
