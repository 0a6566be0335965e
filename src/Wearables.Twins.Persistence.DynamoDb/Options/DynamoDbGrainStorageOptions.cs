using Orleans.Storage;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>Options of one named DynamoDB grain storage provider.</summary>
public sealed class DynamoDbGrainStorageOptions : DynamoDbConnectionOptions
{
    /// <summary>The silo lifecycle stage at which the table is checked (and created when allowed).</summary>
    public const int DefaultInitStage = ServiceLifecycleStage.ApplicationServices;

    /// <summary>DynamoDB's hard limit on one item, attribute names and values included.</summary>
    public const int ItemSizeLimitBytes = 400 * 1024;

    /// <summary>The default payload bytes kept in one item before a state is split into chunk items.</summary>
    public const int DefaultMaxItemPayloadBytes = 350 * 1024;

    /// <summary>The default serialized size from which a state is compressed.</summary>
    public const int DefaultCompressionThresholdBytes = 16 * 1024;

    /// <summary>Creates options with the default table name <c>TwinsGrainState</c>.</summary>
    public DynamoDbGrainStorageOptions() => TableName = "TwinsGrainState";

    /// <summary>
    /// Serializer of grain state. When left null, a keyed <see cref="IGrainStorageSerializer"/> registered under the
    /// provider name is used, else Orleans' binary <see cref="OrleansGrainStorageSerializer"/>.
    /// </summary>
    public IGrainStorageSerializer? GrainStorageSerializer { get; set; }

    /// <summary>Silo lifecycle stage at which the provider starts. Defaults to <see cref="DefaultInitStage"/>.</summary>
    public int InitStage { get; set; } = DefaultInitStage;

    /// <summary>
    /// Serialized states at least this large are Brotli-compressed (kept compressed only when that is smaller).
    /// Defaults to <see cref="DefaultCompressionThresholdBytes"/>; 0 compresses every state.
    /// </summary>
    public int CompressionThresholdBytes { get; set; } = DefaultCompressionThresholdBytes;

    /// <summary>
    /// Most payload bytes stored in one item; a larger (compressed) state is split into chunk items of this size.
    /// Defaults to <see cref="DefaultMaxItemPayloadBytes"/>, which leaves room under the 400 KB item limit for keys
    /// and metadata.
    /// </summary>
    public int MaxItemPayloadBytes { get; set; } = DefaultMaxItemPayloadBytes;
}
