using System.Text.Json.Nodes;

namespace Wearables.Twins.Aws.Tests.Deployment;

/// <summary>One statement of an IAM or IoT policy, with <c>Action</c> and <c>Resource</c> normalised to lists.</summary>
internal sealed record PolicyStatement(
    string File,
    string? Sid,
    string Effect,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Resources,
    bool UsesNotAction,
    bool UsesNotResource)
{
    public bool IsAllow => Effect == "Allow";

    // The JSON keys are the property names.
    public static PolicyStatement Parse(string file, JsonObject statement) => new(
        file,
        statement[nameof(Sid)]?.GetValue<string>(),
        statement[nameof(Effect)]?.GetValue<string>() ?? throw new InvalidDataException($"{file}: a statement has no Effect."),
        Strings(statement["Action"]),
        Strings(statement["Resource"]),
        statement.ContainsKey("NotAction"),
        statement.ContainsKey("NotResource"));

    public override string ToString() => $"{File} statement '{Sid}'";

    // IAM accepts a single string or an array for Action and Resource.
    private static List<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select(item => item!.GetValue<string>())],
        _ => [node.GetValue<string>()],
    };
}
