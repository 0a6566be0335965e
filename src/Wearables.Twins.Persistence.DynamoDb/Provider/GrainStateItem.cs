using System.Globalization;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>The layout of grain state items: attribute names and key formats.</summary>
/// <remarks>
/// One state is one main item keyed (<see cref="PartitionKey"/>, <see cref="StateName"/>). When its payload does not
/// fit in one item the main item holds no <see cref="Data"/> but a <see cref="Chunks"/> count, and the payload lives in
/// chunk items beside it whose sort keys carry the main item's ETag, so chunks of different writes never mix.
/// </remarks>
internal static class GrainStateItem
{
    public const string PartitionKey = "GrainKey";
    public const string StateName = "StateName";
    public const string ETag = "ETag";
    public const string Data = "Data";
    public const string Encoding = "Encoding";
    public const string RawLength = "RawLength";
    public const string Chunks = "Chunks";
    public const string ModifiedUtc = "ModifiedUtc";

    public static readonly DynamoDbTableSchema Schema = new(PartitionKey, StateName);

    /// <summary>The partition key: the service id keeps services sharing a table apart; the grain id includes its type.</summary>
    public static string Key(string serviceId, GrainId grainId) => $"{serviceId}/{grainId}";

    /// <summary>Sort-key prefix of the chunks written with <paramref name="eTag"/>.</summary>
    public static string ChunkPrefix(string stateName, string eTag) => $"{stateName}#chunk#{eTag}#";

    /// <summary>Sort key of one chunk; zero-padded so sort order is chunk order.</summary>
    public static string ChunkKey(string stateName, string eTag, int index) =>
        ChunkPrefix(stateName, eTag) + index.ToString("D5", CultureInfo.InvariantCulture);
}
