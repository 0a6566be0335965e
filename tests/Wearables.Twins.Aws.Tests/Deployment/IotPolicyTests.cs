using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Wearables.Twins.Aws.Tests.Deployment;

/// <summary>The IoT Core policies and rule: each device confined to its own topics, silos to the shared subscription.</summary>
public sealed partial class IotPolicyTests
{
    private const string Arn = "arn:aws:iot:us-east-1:123456789012:";
    private const string ThingName = "${iot:Connection.Thing.ThingName}";

    [Fact]
    public void A_device_connects_only_as_its_own_thing_and_uses_only_its_own_topics()
    {
        var statements = DeploymentFiles.Policies["iot-device-policy.json"];

        Assert.Equal(
            [
                ("iot:Connect", Arn + "client/" + ThingName),
                ("iot:Publish", Arn + "topic/wearables/" + ThingName + "/telemetry"),
                ("iot:Subscribe", Arn + "topicfilter/wearables/" + ThingName + "/rejects"),
                ("iot:Receive", Arn + "topic/wearables/" + ThingName + "/rejects"),
            ],
            statements.Where(s => s.IsAllow).SelectMany(s => s.Actions.SelectMany(a => s.Resources.Select(r => (a, r)))));
        var connect = JsonNode.Parse(DeploymentFiles.JsonTexts["iot-device-policy.json"])!["Statement"]![0]!;
        Assert.Equal("true", connect["Condition"]?["Bool"]?["iot:Connection.Thing.IsAttached"]?.GetValue<string>());
    }

    [Fact]
    public void The_device_topics_are_the_ones_TelemetryTopics_defines()
    {
        // Read from the source rather than referencing the MQTT project: the topic layout is two constants and two formats.
        var topics = DeploymentFiles.Read("src", "Wearables.Twins.Ingest.Mqtt", "Broker", "TelemetryTopics.cs");

        Assert.Contains("Prefix = \"wearables/\"", topics, StringComparison.Ordinal);
        Assert.Contains("TelemetrySuffix = \"/telemetry\"", topics, StringComparison.Ordinal);
        Assert.Contains("$\"{Prefix}{deviceId}{TelemetrySuffix}\"", topics, StringComparison.Ordinal);
        Assert.Contains("$\"{Prefix}{deviceId}/rejects\"", topics, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(topics, @"public static string \w+\(string deviceId\)"));
    }

    [Fact]
    public void Silos_subscribe_only_the_shared_telemetry_filter_the_client_mode_uses()
    {
        var options = DeploymentFiles.Read("src", "Wearables.Twins.Ingest.Mqtt", "Options", "MqttClientModeOptions.cs");
        var siloConfig = DeploymentFiles.Read("k8s", "base", "silo", "configmap.yaml");
        var group = DeploymentFiles.ManifestValue(siloConfig, "Twins__Mqtt__Client__SharedGroup");
        var filter = DeploymentFiles.ManifestValue(siloConfig, "Twins__Mqtt__Client__TopicFilter");
        Assert.Contains($"SharedGroup {{ get; set; }} = \"{group}\";", options, StringComparison.Ordinal);
        Assert.Contains($"TopicFilter {{ get; set; }} = \"{filter}\";", options, StringComparison.Ordinal);

        var statements = DeploymentFiles.Policies["iot-silo-policy.json"];
        // In IoT policies '+' is a literal character: the resource is exactly the filter the silo subscribes with.
        Assert.Equal([$"{Arn}topicfilter/$share/{group}/{filter}"], Granted(statements, "iot:Subscribe"));
        Assert.Equal(
            [$"{Arn}topic/{filter.Replace("+", "*", StringComparison.Ordinal)}", $"{Arn}topic/$share/{group}/{filter.Replace("+", "*", StringComparison.Ordinal)}"],
            Granted(statements, "iot:Receive"));
        Assert.Equal([$"{Arn}topic/wearables/*/rejects"], Granted(statements, "iot:Publish"));
        // Silo client ids are their pod names, twins-silo-… (docs/aws.md).
        Assert.Equal([$"{Arn}client/twins-silo-*"], Granted(statements, "iot:Connect"));
    }

    [Fact]
    public void IoT_policies_use_only_the_thing_name_variable()
    {
        foreach (var file in new[] { "iot-device-policy.json", "iot-silo-policy.json" })
        {
            foreach (Match variable in PolicyVariable().Matches(DeploymentFiles.JsonTexts[file]))
            {
                Assert.Equal(ThingName, variable.Value);
            }
        }
    }

    [Fact]
    public void The_rule_reads_lifecycle_events_never_telemetry_and_its_role_may_write_its_log_groups()
    {
        var rule = JsonNode.Parse(DeploymentFiles.JsonTexts["iot-rule.json"])!;
        var sql = rule["sql"]!.GetValue<string>();

        Assert.Matches(@"FROM '\$aws/events/presence/disconnected/\+'", sql);
        Assert.DoesNotContain("wearables/", sql, StringComparison.Ordinal);

        var targets = rule["actions"]!.AsArray().Select(a => a!["cloudwatchLogs"]!).Append(rule["errorAction"]!["cloudwatchLogs"]!).ToList();
        var rolePolicy = DeploymentFiles.Policies["iot-rule-role.json"];
        foreach (var target in targets)
        {
            Assert.Equal("arn:aws:iam::123456789012:role/wearables-twins-iot-rule", target["roleArn"]!.GetValue<string>());
            var logGroup = $"arn:aws:logs:us-east-1:123456789012:log-group:{target["logGroupName"]!.GetValue<string>()}:*";
            foreach (var action in new[] { "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents" })
            {
                Assert.Contains(logGroup, Granted(rolePolicy, action));
            }
        }
    }

    private static List<string> Granted(IReadOnlyList<PolicyStatement> statements, string action)
        => [.. statements.Where(s => s.IsAllow && s.Actions.Contains(action)).SelectMany(s => s.Resources)];

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex PolicyVariable();
}
