using System.Globalization;
using System.Runtime.InteropServices;
using Amazon.DynamoDBv2.Model;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>Small helpers to build and read <see cref="AttributeValue"/>s (SDK v4 leaves absent members null).</summary>
internal static class AttributeValues
{
    public static AttributeValue String(string value) => new() { S = value };

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Binary(ReadOnlyMemory<byte> bytes)
    {
        var stream = MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false, publiclyVisible: true)
            : new MemoryStream(bytes.ToArray(), writable: false);
        return new AttributeValue { B = stream };
    }

    public static string? GetString(this Dictionary<string, AttributeValue>? item, string name) =>
        item is not null && item.TryGetValue(name, out var value) ? value.S : null;

    public static long? GetNumber(this Dictionary<string, AttributeValue>? item, string name) =>
        item is not null && item.TryGetValue(name, out var value) && value.N is { } n
            ? long.Parse(n, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;

    public static ReadOnlyMemory<byte>? GetBinary(this Dictionary<string, AttributeValue>? item, string name)
    {
        if (item is null || !item.TryGetValue(name, out var value) || value.B is null)
        {
            return null;
        }

        return value.B.TryGetBuffer(out var buffer) ? buffer.AsMemory() : value.B.ToArray();
    }

    public static bool Exists(this Dictionary<string, AttributeValue>? item) => item is { Count: > 0 };
}
