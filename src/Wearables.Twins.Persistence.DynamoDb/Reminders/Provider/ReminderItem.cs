using System.Globalization;
using System.Text;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// The layout of the reminder table: the grain hash ring is cut into <see cref="BucketCount"/> equal buckets, one
/// partition per (service, bucket); inside a partition, items sort by grain hash first.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Partition key <see cref="PartitionKey"/> = <c>{ServiceId}#{bucket:x2}</c>, bucket = the hash's top
/// <see cref="BucketBits"/> bits (the suffix has a fixed width, so a service id containing '#' stays unambiguous).</item>
/// <item>Sort key <see cref="SortKey"/> = <c>{hash:x8}#{grainId length}#{grainId}#{reminderName}</c>. Fixed-width
/// lower-case hex makes text order hash order, so a hash range is one <c>BETWEEN</c>; the length prefix makes the
/// per-grain prefix exact (grain "a" never matches grain "a#b", whatever the names contain).</item>
/// </list>
/// The hash is <see cref="GrainId.GetUniformHashCode"/>, so a reminder's key is computed from its grain id and reminder
/// name alone. Changing <see cref="BucketBits"/> would re-key every item: it is fixed.
/// </remarks>
internal static class ReminderItem
{
    public const string PartitionKey = "ServiceBucket";
    public const string SortKey = "Reminder";
    public const string Grain = "GrainId";
    public const string ReminderName = "ReminderName";
    public const string GrainHash = "GrainHash";
    public const string StartAtTicks = "StartAtTicks";
    public const string PeriodTicks = "PeriodTicks";
    public const string ETag = "ETag";
    public const string ModifiedUtc = "ModifiedUtc";

    /// <summary>64 buckets: a whole-ring read is 64 small queries; writes spread over 64 partition keys.</summary>
    public const int BucketBits = 6;
    public const int BucketCount = 1 << BucketBits;
    private const int BucketShift = 32 - BucketBits;

    /// <summary>DynamoDB's limit on a sort key value, in UTF-8 bytes.</summary>
    public const int MaxSortKeyBytes = 1024;

    /// <summary>Sorts after '#', the separator that follows the hash: <c>{hash:x8}$</c> is above every key of that hash.</summary>
    private const char AfterSeparator = '$';

    public static readonly DynamoDbTableSchema Schema = new(PartitionKey, SortKey);

    public static int Bucket(uint hash) => (int)(hash >> BucketShift);

    public static uint BucketStart(int bucket) => (uint)bucket << BucketShift;

    public static uint BucketEnd(int bucket) => BucketStart(bucket) + ((1u << BucketShift) - 1);

    public static string Partition(string serviceId, int bucket) =>
        string.Create(CultureInfo.InvariantCulture, $"{serviceId}#{bucket:x2}");

    /// <summary>Lowest sort key of <paramref name="hash"/> (below every item with that hash).</summary>
    public static string LowestKey(uint hash) => hash.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>A sort key above every item with <paramref name="hash"/> and below every item with a higher hash.</summary>
    public static string HighestKey(uint hash) => LowestKey(hash) + AfterSeparator;

    /// <summary>The sort-key prefix shared by every reminder of <paramref name="grainId"/>, and only by them.</summary>
    public static string GrainPrefix(uint hash, string grainId) =>
        string.Create(CultureInfo.InvariantCulture, $"{hash:x8}#{grainId.Length}#{grainId}#");

    public static string Key(uint hash, string grainId, string reminderName) => GrainPrefix(hash, grainId) + reminderName;

    public static bool FitsSortKey(string sortKey) => Encoding.UTF8.GetByteCount(sortKey) <= MaxSortKeyBytes;
}
