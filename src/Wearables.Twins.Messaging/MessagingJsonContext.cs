using System.Text.Json.Serialization;

namespace Wearables.Twins.Messaging;

/// <summary>Source-generated JSON for what messaging stores or sends besides recommendations (filters, policies).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, List<string>>))]
internal sealed partial class MessagingJsonContext : JsonSerializerContext;
