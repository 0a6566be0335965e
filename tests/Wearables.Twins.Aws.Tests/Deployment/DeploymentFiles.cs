using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Wearables.Twins.Aws.Tests.Deployment;

/// <summary>The checked-in deployment material: <c>deploy/aws/*.json</c>, <c>docs/aws.md</c>, the k8s manifests and <c>src/</c>.</summary>
internal static partial class DeploymentFiles
{
    public static string Root => Testing.RepositoryRoot.Path;

    public static string PolicyFolder => Path.Combine(Root, "deploy", "aws");

    public static string SourceFolder => Path.Combine(Root, "src");

    /// <summary>Every JSON file of <c>deploy/aws</c>, by file name.</summary>
    public static IReadOnlyDictionary<string, string> JsonTexts { get; } = Directory
        .EnumerateFiles(PolicyFolder, "*.json")
        .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>The files that are policies (they have statements), parsed, by file name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<PolicyStatement>> Policies { get; } = JsonTexts
        .Where(f => JsonNode.Parse(f.Value) is JsonObject o && o.ContainsKey("Statement"))
        .ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<PolicyStatement>)[.. JsonNode.Parse(f.Value)!["Statement"]!.AsArray()
                .Select(s => PolicyStatement.Parse(f.Key, s!.AsObject()))],
            StringComparer.Ordinal);

    public static string Read(params string[] relativePath) => File.ReadAllText(Path.Combine([Root, .. relativePath]));

    /// <summary>The JSON blocks of <c>docs/aws.md</c> tagged <c>&lt;!-- deploy/aws/NAME.json --&gt;</c>, as (file name, text).</summary>
    public static IReadOnlyList<(string File, string Text)> DocBlocks()
        => [.. TaggedJsonBlock().Matches(Read("docs", "aws.md").ReplaceLineEndings("\n"))
            .Select(m => (m.Groups["file"].Value, m.Groups["json"].Value))];

    /// <summary>The value of <c>key: value</c> in a k8s manifest (ConfigMap data, annotations).</summary>
    public static string ManifestValue(string manifest, string key)
    {
        var match = Regex.Match(manifest, $@"^\s*{Regex.Escape(key)}:\s*""?(?<value>[^""\r\n]+)""?\s*$", RegexOptions.Multiline);
        Assert.True(match.Success, $"No '{key}' in the manifest.");
        return match.Groups["value"].Value.Trim();
    }

    [GeneratedRegex(@"<!-- deploy/aws/(?<file>[A-Za-z0-9.-]+\.json) -->\n```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex TaggedJsonBlock();
}
