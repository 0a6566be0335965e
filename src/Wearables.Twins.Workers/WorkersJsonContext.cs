using System.Text.Json;
using System.Text.Json.Serialization;
using Wearables.Twins.Workers.Notifications.Contacts;
using Wearables.Twins.Workers.Notifications.Sms;

namespace Wearables.Twins.Workers;

/// <summary>Source-generated JSON for what the workers store (contacts, the SMS file sink, template strings).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ContactPreferences))]
[JsonSerializable(typeof(SmsFileRecord))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class WorkersJsonContext : JsonSerializerContext;
