using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>
/// Payloads no device should send: JSON values of any shape built from the envelope's own vocabulary (so that many
/// get past the envelope checks into the samples), JSON-looking text, and valid envelopes with bytes damaged.
/// </summary>
internal static class ArbitraryPayloads
{
    private static readonly string[] Keys =
    [
        "schema", "deviceId", "messageId", "sentAt", "device", "samples", "vendor", "model", "firmware", "battery", "kind",
        "type", "time", "end", "value", "values", "systolic", "diastolic", "stage", "category", "context", "source", "unit",
        "DEVICEID", "Samples", "Value", "x", "", "\u00e9t\u00e9", "samples\u0000",
    ];

    private static readonly string[] Words =
    [
        .. VitalCatalog.All.Select(v => v.Code),
        .. VitalCatalog.All.SelectMany(v => v.AcceptedUnits).Select(u => u.Unit),
        .. VitalCatalog.All.SelectMany(v => v.Categories.Concat(v.Qualifiers)),
        .. SourceKinds.All,
        .. SampleCorruptions.BadTimes,
        TelemetryEnvelope.SchemaV1, "wearables.telemetry/v2", "watch-01", "msg-1", "2026-11-27T11:00:00Z", "2026-11-27T11:30:00+01:00",
        "2026-11-27T11:00:00.123456789-03:30", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "\ud83d\ude00", "\u0000",
    ];

    private static readonly string[] Numbers =
        ["0", "-0", "72", "-5", "0.5", "98.6", "1e3", "1E-7", "1e400", "-1e400", "1.7976931348623157e308", "4.9e-324", "12345678901234567890"];

    /// <summary>A JSON value of any shape; mostly an object with envelope members whose samples are anything.</summary>
    public static Gen<JsonNode?> Json()
        => Gen.Frequency((1, Gen.Sized(size => Tree(Math.Max(size, 2)))), (4, EnvelopeLike()));

    /// <summary>Text made of JSON's punctuation, digits and the envelope's words: mostly not JSON, sometimes nearly.</summary>
    public static Gen<string> JsonishText()
        => Gen.ListOf(Gen.Frequency(
                (6, Gen.Elements("{", "}", "[", "]", ":", ",", "\"", " ", "\n", "\\", "\\u00", "null", "true", "-", ".", "e")),
                (2, Gen.Elements(Numbers)),
                (2, Gen.Elements(Keys).Select(k => $"\"{k}\"")),
                (1, Gen.Elements(Words).Select(w => $"\"{w}\""))))
            .Select(string.Concat);

    /// <summary>A valid envelope's bytes with one to five bytes flipped, cut, inserted or repeated.</summary>
    public static Gen<byte[]> DamagedEnvelope()
        => from envelope in EnvelopeCases.ValidGen()
           from count in Gen.Choose(1, 5)
           from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, 5), Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 255))), count)
           select edits.Aggregate(envelope.ToUtf8(), (bytes, edit) => Damage(bytes, edit.Item1, edit.Item2.Item1, (byte)edit.Item2.Item2));

    private static byte[] Damage(byte[] bytes, int kind, int where, byte value)
    {
        if (bytes.Length == 0)
        {
            return [value];
        }

        var at = where % bytes.Length;
        var list = bytes.ToList();
        switch (kind)
        {
            case 0:
                list[at] ^= (byte)(1 << (value % 8));
                break;
            case 1:
                list[at] = value;
                break;
            case 2:
                list.RemoveRange(at, Math.Min(1 + (value % 16), list.Count - at));
                break;
            case 3:
                list.Insert(at, value);
                break;
            case 4:
                return [.. list.Take(at)];
            default:
                list.InsertRange(at, list.Skip(at).Take(1 + (value % 32)).ToList());
                break;
        }

        return [.. list];
    }

    private static Gen<JsonNode?> EnvelopeLike()
        => Gen.Sized(size =>
            from deviceId in Gen.Frequency((4, EnvelopeCases.Identifier().Select(id => (JsonNode?)id)), (1, Tree(2)))
            from messageId in Gen.Frequency((4, EnvelopeCases.Identifier().Select(id => (JsonNode?)id)), (1, Tree(2)))
            from count in Gen.Choose(0, Math.Clamp(size / 4, 1, 12))
            from samples in Gen.Frequency(
                (6, Gen.ListOf(SampleLike(Math.Max(2, size / (count + 1))), count).Select(list => (JsonNode?)new JsonArray([.. list]))),
                (1, Tree(4)))
            from extra in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Member(3), n))
            from members in Gen.Shuffle(extra.Concat([Pair("deviceId", deviceId), Pair("messageId", messageId), Pair("samples", samples)]))
            select (JsonNode?)ObjectOf(members));

    private static Gen<JsonNode?> SampleLike(int size)
        => Gen.Frequency(
            (1, Tree(size)),
            (5, from type in Gen.Elements(VitalCatalog.All.Select(v => v.Code).ToArray())
                from count in Gen.Choose(0, Math.Min(size, 8))
                from members in Gen.ListOf(Member(Math.Max(1, size / (count + 1))), count)
                select (JsonNode?)ObjectOf([Pair("type", type), .. members])));

    /// <summary>A value of about <paramref name="size"/> nodes: the budget is shared among the children.</summary>
    private static Gen<JsonNode?> Tree(int size)
        => size <= 1
            ? Leaf()
            : Gen.Frequency(
                (3, Leaf()),
                (1, Gen.Choose(0, Math.Min(size, 6)).SelectMany(n => Gen.ListOf(Tree(size / (n + 1)), n))
                    .Select(list => (JsonNode?)new JsonArray([.. list]))),
                (2, Gen.Choose(0, Math.Min(size, 6)).SelectMany(n => Gen.ListOf(Member(size / (n + 1)), n))
                    .Select(list => (JsonNode?)ObjectOf(list))));

    private static Gen<KeyValuePair<string, JsonNode?>> Member(int size)
        => Gen.Zip(Gen.Elements(Keys), Tree(size), Pair);

    private static Gen<JsonNode?> Leaf()
        => Gen.Frequency(
            (1, Gen.Constant<JsonNode?>(null)),
            (1, Gens.Bool.Select(b => (JsonNode?)b)),
            (3, Gen.Elements(Numbers).Select(n => JsonNode.Parse(n))),
            (3, Gen.Elements(Words).Select(w => (JsonNode?)w)),
            (1, Gen.Choose(0, 5000).Select(n => (JsonNode?)new string((char)n, 1))));

    /// <summary>A repeated key keeps its last value, as a JSON reader would.</summary>
    private static JsonObject ObjectOf(IEnumerable<KeyValuePair<string, JsonNode?>> members)
    {
        var json = new JsonObject();
        foreach (var (key, value) in members)
        {
            json[key] = value?.Parent is null ? value : value.DeepClone();
        }

        return json;
    }

    private static KeyValuePair<string, JsonNode?> Pair(string key, JsonNode? value) => new(key, value);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
