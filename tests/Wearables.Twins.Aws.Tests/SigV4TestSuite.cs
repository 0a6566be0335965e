using System.Text.Json;

namespace Wearables.Twins.Aws.Tests;

/// <summary>Reads AWS's published SigV4 vectors (TestData/aws-sig-v4-test-suite.json).</summary>
public static class SigV4TestSuite
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "aws-sig-v4-test-suite.json"))));

    public static JsonElement Config => Document.Value.RootElement.GetProperty("config");

    public static string SessionToken => Document.Value.RootElement.GetProperty("stsToken").GetString()!;

    public static IEnumerable<JsonElement> Cases => Document.Value.RootElement.GetProperty("tests").GetProperty("all").EnumerateArray();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var test in Cases)
        {
            data.Add(test.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static JsonElement Case(string name) => Cases.Single(c => c.GetProperty("name").GetString() == name);
}
