using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>Converts between <see cref="ReminderEntry"/> and reminder items (see <see cref="ReminderItem"/> for the layout).</summary>
internal static class ReminderItemCodec
{
    /// <summary>The item's key, or null when the sort key would exceed DynamoDB's limit (no such item can exist).</summary>
    public static Dictionary<string, AttributeValue>? TryKey(string serviceId, GrainId grainId, string reminderName)
    {
        var hash = grainId.GetUniformHashCode();
        var sortKey = ReminderItem.Key(hash, grainId.ToString(), reminderName);
        return ReminderItem.FitsSortKey(sortKey) ? Key(serviceId, hash, sortKey) : null;
    }

    /// <exception cref="ArgumentException">Grain id and reminder name together exceed DynamoDB's sort key limit.</exception>
    public static Dictionary<string, AttributeValue> ToItem(string serviceId, ReminderEntry entry, string eTag)
    {
        var hash = entry.GrainId.GetUniformHashCode();
        var grainId = entry.GrainId.ToString();
        var sortKey = ReminderItem.Key(hash, grainId, entry.ReminderName);
        if (!ReminderItem.FitsSortKey(sortKey))
        {
            throw new ArgumentException(
                $"The reminder '{entry.ReminderName}' of grain {grainId} cannot be stored in DynamoDB: grain id and reminder name together exceed the {ReminderItem.MaxSortKeyBytes}-byte sort key limit.",
                nameof(entry));
        }

        var item = Key(serviceId, hash, sortKey);
        item[ReminderItem.Grain] = AttributeValues.String(grainId);
        item[ReminderItem.ReminderName] = AttributeValues.String(entry.ReminderName);
        item[ReminderItem.GrainHash] = AttributeValues.Number(hash);
        item[ReminderItem.StartAtTicks] = AttributeValues.Number(ToUtc(entry.StartAt).Ticks);
        item[ReminderItem.PeriodTicks] = AttributeValues.Number(entry.Period.Ticks);
        item[ReminderItem.ETag] = AttributeValues.String(eTag);
        item[ReminderItem.ModifiedUtc] = AttributeValues.String(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return item;
    }

    public static ReminderEntry FromItem(Dictionary<string, AttributeValue> item) => new()
    {
        GrainId = Orleans.Runtime.GrainId.Parse(Required(item.GetString(ReminderItem.Grain), item, ReminderItem.Grain)),
        ReminderName = Required(item.GetString(ReminderItem.ReminderName), item, ReminderItem.ReminderName),
        StartAt = new DateTime(Required(item.GetNumber(ReminderItem.StartAtTicks), item, ReminderItem.StartAtTicks), DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(Required(item.GetNumber(ReminderItem.PeriodTicks), item, ReminderItem.PeriodTicks)),
        ETag = Required(item.GetString(ReminderItem.ETag), item, ReminderItem.ETag),
    };

    public static Dictionary<string, AttributeValue> Key(string serviceId, uint hash, string sortKey) => new()
    {
        [ReminderItem.PartitionKey] = AttributeValues.String(ReminderItem.Partition(serviceId, ReminderItem.Bucket(hash))),
        [ReminderItem.SortKey] = AttributeValues.String(sortKey),
    };

    /// <summary>The instant as UTC: Orleans passes UTC times; a local one is converted, an unspecified one taken as UTC.</summary>
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    private static T Required<T>(T? value, Dictionary<string, AttributeValue> item, string attribute) where T : class =>
        value ?? throw Malformed(item, attribute);

    private static long Required(long? value, Dictionary<string, AttributeValue> item, string attribute) =>
        value ?? throw Malformed(item, attribute);

    private static InvalidDataException Malformed(Dictionary<string, AttributeValue> item, string attribute) =>
        new($"Reminder item ({item.GetString(ReminderItem.PartitionKey)}, {item.GetString(ReminderItem.SortKey)}) has no '{attribute}' attribute.");
}
