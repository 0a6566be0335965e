using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>Converts a <see cref="MembershipEntry"/> to the attributes of its row and back.</summary>
internal static class MembershipEntryCodec
{
    /// <summary>The entry's attributes, without the key and the ETag; empty strings are left out.</summary>
    public static Dictionary<string, AttributeValue> ToAttributes(MembershipEntry entry)
    {
        var attributes = new Dictionary<string, AttributeValue>
        {
            [MembershipRow.Status] = AttributeValues.Number((int)entry.Status),
            [MembershipRow.ProxyPort] = AttributeValues.Number(entry.ProxyPort),
            [MembershipRow.UpdateZone] = AttributeValues.Number(entry.UpdateZone),
            [MembershipRow.FaultZone] = AttributeValues.Number(entry.FaultZone),
            [MembershipRow.StartTime] = AttributeValues.String(FormatTime(entry.StartTime)),
            [MembershipRow.IAmAliveTime] = AttributeValues.String(FormatTime(entry.IAmAliveTime)),
            [MembershipRow.SuspectTimes] = new AttributeValue
            {
                L = (entry.SuspectTimes ?? []).Select(s => new AttributeValue
                {
                    M = new()
                    {
                        [MembershipRow.Suspecter] = AttributeValues.String(s.Item1.ToParsableString()),
                        [MembershipRow.SuspectTime] = AttributeValues.String(FormatTime(s.Item2)),
                    },
                }).ToList(),
            },
        };
        AddIfPresent(attributes, MembershipRow.HostName, entry.HostName);
        AddIfPresent(attributes, MembershipRow.SiloName, entry.SiloName);
        AddIfPresent(attributes, MembershipRow.RoleName, entry.RoleName);
        return attributes;
    }

    public static MembershipEntry FromItem(Dictionary<string, AttributeValue> item)
    {
        var row = item.GetString(MembershipRow.Row) ?? throw new InvalidDataException("A membership row has no key.");
        var suspects = item.TryGetValue(MembershipRow.SuspectTimes, out var list) && list.L is { } values
            ? values.Select(v => Tuple.Create(
                SiloAddress.FromParsableString(v.M.GetString(MembershipRow.Suspecter) ?? throw new InvalidDataException("A suspicion vote names no silo.")),
                ParseTime(v.M.GetString(MembershipRow.SuspectTime)))).ToList()
            : [];
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.FromParsableString(row),
            Status = (SiloStatus)(item.GetNumber(MembershipRow.Status) ?? 0),
            ProxyPort = (int)(item.GetNumber(MembershipRow.ProxyPort) ?? 0),
            HostName = item.GetString(MembershipRow.HostName) ?? string.Empty,
            SiloName = item.GetString(MembershipRow.SiloName) ?? string.Empty,
            RoleName = item.GetString(MembershipRow.RoleName) ?? string.Empty,
            UpdateZone = (int)(item.GetNumber(MembershipRow.UpdateZone) ?? 0),
            FaultZone = (int)(item.GetNumber(MembershipRow.FaultZone) ?? 0),
            StartTime = ParseTime(item.GetString(MembershipRow.StartTime)),
            IAmAliveTime = ParseTime(item.GetString(MembershipRow.IAmAliveTime)),
            SuspectTimes = suspects,
        };
    }

    public static string FormatTime(DateTime time) =>
        (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc))
            .ToString("O", CultureInfo.InvariantCulture);

    private static DateTime ParseTime(string? text) => text is null
        ? default
        : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static void AddIfPresent(Dictionary<string, AttributeValue> attributes, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            attributes[name] = AttributeValues.String(value);
        }
    }
}
