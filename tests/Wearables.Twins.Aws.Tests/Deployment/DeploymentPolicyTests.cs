using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wearables.Twins.Aws.Tests.Deployment;

/// <summary>The policies of <c>deploy/aws</c>: well formed, least privilege, in step with docs/aws.md and with the code.</summary>
public sealed class DeploymentPolicyTests
{
    // "Resource": "*" only where the AWS Service Authorization Reference lists no resource type for the action, so "*"
    // is the only valid value:
    private static readonly HashSet<(string File, string Action)> ResourceStarAllowed =
    [
        // ECR GetAuthorizationToken: an account-wide token, no resource type.
        ("model-server.json", "ecr:GetAuthorizationToken"),
        // CloudWatch PutMetricData: no resource type (only the cloudwatch:namespace condition key).
        ("model-server.json", "cloudwatch:PutMetricData"),
        // SNS Publish with PhoneNumber (SMS) names no topic, so there is no ARN to grant; AWS's own SNS policies for
        // PhoneNumber targets use "*". The topic policy (sns-topic-policy.json) keeps this from reaching the topic.
        ("workers.json", "sns:Publish"),
        // The same for the SMS the silo-hosted workers send (care-team escalations, campaign messages).
        ("silo.json", "sns:Publish"),
    ];

    [Fact]
    public void Every_file_is_json_and_every_policy_has_a_version_and_statements()
    {
        Assert.NotEmpty(DeploymentFiles.JsonTexts);
        foreach (var (file, text) in DeploymentFiles.JsonTexts)
        {
            var json = JsonNode.Parse(text);
            Assert.True(json is JsonObject, $"{file} is not a JSON object.");
            if (DeploymentFiles.Policies.ContainsKey(file))
            {
                Assert.Equal("2012-10-17", json!["Version"]?.GetValue<string>());
                Assert.NotEmpty(DeploymentFiles.Policies[file]);
            }
        }

        Assert.Equal(
            ["cli.json", "iot-device-policy.json", "iot-rule-role.json", "iot-silo-policy.json", "model-server.json",
             "ses-smtp-user.json", "silo.json", "sns-topic-policy.json", "sqs-notifications-queue-policy.json", "workers.json"],
            DeploymentFiles.Policies.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_policy_grants_every_action_or_every_action_of_a_service()
    {
        foreach (var statement in DeploymentFiles.Policies.Values.SelectMany(s => s))
        {
            Assert.False(statement.UsesNotAction, $"{statement} uses NotAction.");
            Assert.False(statement.UsesNotResource, $"{statement} uses NotResource.");
            Assert.NotEmpty(statement.Actions);
            foreach (var action in statement.Actions)
            {
                Assert.False(action == "*" || action.EndsWith(":*", StringComparison.Ordinal), $"{statement} grants '{action}'.");
                Assert.Matches("^[a-z0-9-]+:[A-Za-z0-9]+\\*?$", action);
            }
        }
    }

    [Fact]
    public void Resource_star_appears_only_where_AWS_offers_no_resource_level_permission()
    {
        foreach (var statement in DeploymentFiles.Policies.Values.SelectMany(s => s))
        {
            Assert.NotEmpty(statement.Resources);
            if (!statement.Resources.Contains("*"))
            {
                continue;
            }

            Assert.Single(statement.Resources);
            foreach (var action in statement.Actions)
            {
                Assert.True(ResourceStarAllowed.Contains((statement.File, action)),
                    $"{statement} grants '{action}' on every resource; name the resource, or list the action here with AWS's reason.");
            }
        }
    }

    [Fact]
    public void Arns_use_the_documented_placeholder_account_and_region()
    {
        foreach (var (file, text) in DeploymentFiles.JsonTexts)
        {
            foreach (var arn in Strings(JsonNode.Parse(text)!).Where(s => s.StartsWith("arn:", StringComparison.Ordinal)))
            {
                var parts = arn.Split(':', 6);
                Assert.True(parts.Length == 6 && parts[1] == "aws", $"{file}: '{arn}' is not an aws ARN.");
                Assert.True(parts[3] is "" or "us-east-1", $"{file}: '{arn}' does not use the placeholder region us-east-1.");
                Assert.True(parts[4] is "" or "123456789012", $"{file}: '{arn}' does not use the placeholder account 123456789012.");
            }
        }
    }

    [Fact]
    public void Docs_aws_md_holds_every_file_verbatim()
    {
        var blocks = DeploymentFiles.DocBlocks();
        Assert.Equal(
            DeploymentFiles.JsonTexts.Keys.Order(StringComparer.Ordinal),
            blocks.Select(b => b.File).Order(StringComparer.Ordinal));
        foreach (var (file, text) in blocks)
        {
            Assert.True(
                DeploymentFiles.JsonTexts[file].ReplaceLineEndings("\n").TrimEnd() == text,
                $"docs/aws.md's block for deploy/aws/{file} differs from the file; copy the file into the page.");
        }
    }

    [Fact]
    public void Every_AWS_operation_the_code_calls_is_in_the_operation_table_and_every_row_is_still_called()
    {
        var inCode = AwsCallScanner.OperationsIn(DeploymentFiles.SourceFolder);
        var inTable = new SortedSet<string>(AwsOperationTable.Operations, StringComparer.Ordinal);

        Assert.True(inCode.SetEquals(inTable),
            $"Called but not in AwsOperationTable (grant it to its deployable, or say why not): {string.Join(", ", inCode.Except(inTable))}. "
            + $"In the table but no longer called: {string.Join(", ", inTable.Except(inCode))}.");
    }

    [Fact]
    public void Each_deployable_is_granted_the_operations_it_calls_on_their_resources()
    {
        foreach (var grant in AwsOperationTable.Grants)
        {
            var statements = DeploymentFiles.Policies[grant.PolicyFile];
            Assert.True(
                statements.Any(s => s.IsAllow && s.Actions.Contains(grant.IamAction) && s.Resources.Contains(grant.Resource)),
                $"{grant.PolicyFile} does not allow {grant.IamAction} on {grant.Resource} (the code calls {grant.Operation}).");
        }
    }

    [Fact]
    public void Deployable_policies_grant_nothing_the_code_does_not_call()
    {
        var granted = AwsOperationTable.Grants.Select(g => (g.PolicyFile, g.IamAction)).ToHashSet();
        foreach (var file in new[] { AwsOperationTable.Silo, AwsOperationTable.Workers, AwsOperationTable.Cli })
        {
            foreach (var action in DeploymentFiles.Policies[file].Where(s => s.IsAllow).SelectMany(s => s.Actions))
            {
                Assert.True(granted.Contains((file, action)), $"{file} allows {action}, which no row of AwsOperationTable needs.");
            }
        }
    }

    [Fact]
    public void Operations_used_only_to_provision_are_granted_to_no_deployable()
    {
        foreach (var nonGrant in AwsOperationTable.NotGranted)
        {
            foreach (var file in AwsOperationTable.DeployablePolicies)
            {
                Assert.False(
                    DeploymentFiles.Policies[file].Any(s => s.IsAllow && s.Actions.Contains(nonGrant.IamAction)),
                    $"{file} allows {nonGrant.IamAction}, which stays off in AWS: {nonGrant.Why}.");
            }
        }
    }

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Strings(p.Value)),
        JsonArray a => a.SelectMany(i => i is null ? [] : Strings(i)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };
}
