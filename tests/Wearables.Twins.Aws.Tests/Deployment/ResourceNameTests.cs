namespace Wearables.Twins.Aws.Tests.Deployment;

/// <summary>The names in the policies are the defaults in the code and the values in the k8s manifests.</summary>
public sealed class ResourceNameTests
{
    public static TheoryData<string, string, string> CodeDefaults => new()
    {
        // policy file, text its resources must contain, "source file|literal default" that produces it
        { "silo.json", "table/TwinsGrainState", "Wearables.Twins.Persistence.DynamoDb/Options/DynamoDbGrainStorageOptions.cs|TableName = \"TwinsGrainState\"" },
        { "silo.json", "table/TwinsReminders", "Wearables.Twins.Persistence.DynamoDb/Reminders/Options/DynamoDbReminderTableOptions.cs|TableName = \"TwinsReminders\"" },
        { "silo.json", "table/TwinsMembership", "Wearables.Twins.Persistence.DynamoDb/Options/DynamoDbClusteringOptions.cs|TableName = \"TwinsMembership\"" },
        { "silo.json", ":twins-recommendations", "Wearables.Twins.Messaging/Options/AwsMessagingOptions.cs|TopicName { get; set; } = \"twins-recommendations\"" },
        { "silo.json", "/lake/*", "Wearables.Twins.History/Options/S3LakeOptions.cs|Prefix { get; set; } = \"lake/\"" },
        { "workers.json", ":twins-notifications", "Wearables.Twins.Messaging/Options/AwsMessagingOptions.cs|QueueNamePrefix { get; set; } = \"twins-\"" },
        { "workers.json", ":twins-notifications", "Wearables.Twins.Workers/Notifications/NotificationOptions.cs|Queue { get; set; } = \"notifications\"" },
        { "workers.json", ":twins-notifications-dlq", "Wearables.Twins.Messaging/Aws/SnsSqsMessageTransport.cs|DeadLetterSuffix = \"-dlq\"" },
    };

    [Theory]
    [MemberData(nameof(CodeDefaults))]
    public void Policy_resources_use_the_code_defaults(string policyFile, string resourcePart, string sourceAndLiteral)
    {
        var (source, literal) = (sourceAndLiteral.Split('|')[0], sourceAndLiteral.Split('|')[1]);

        Assert.Contains(literal, DeploymentFiles.Read(["src", .. source.Split('/')]), StringComparison.Ordinal);
        Assert.Contains(DeploymentFiles.Policies[policyFile].SelectMany(s => s.Resources),
            r => r.Contains(resourcePart, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("silo", "Twins__Cluster__DynamoDb__TableName", "arn:aws:dynamodb:us-east-1:123456789012:table/{0}")]
    [InlineData("silo", "Twins__Storage__DynamoDb__TableName", "arn:aws:dynamodb:us-east-1:123456789012:table/{0}")]
    [InlineData("silo", "Twins__History__S3__Bucket", "arn:aws:s3:::{0}")]
    [InlineData("silo", "Twins__Messaging__Aws__TopicArn", "{0}")]
    [InlineData("silo", "Twins__Risk__SageMaker__EndpointName", "arn:aws:sagemaker:us-east-1:123456789012:endpoint/{0}")]
    public void Policy_resources_match_the_k8s_configuration(string deployable, string key, string arnFormat)
    {
        var value = DeploymentFiles.ManifestValue(DeploymentFiles.Read("k8s", "base", deployable, "configmap.yaml"), key);

        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, arnFormat, value),
            DeploymentFiles.Policies[$"{deployable}.json"].SelectMany(s => s.Resources));
    }

    [Fact]
    public void The_workers_queue_is_the_configured_prefix_and_queue()
    {
        var config = DeploymentFiles.Read("k8s", "base", "workers", "configmap.yaml");
        var queue = DeploymentFiles.ManifestValue(config, "Twins__Messaging__Aws__QueueNamePrefix")
            + DeploymentFiles.ManifestValue(config, "Twins__Notifications__Queue");

        Assert.Contains($"arn:aws:sqs:us-east-1:123456789012:{queue}", DeploymentFiles.Policies["workers.json"].SelectMany(s => s.Resources));
        Assert.Equal(
            DeploymentFiles.ManifestValue(DeploymentFiles.Read("k8s", "base", "silo", "configmap.yaml"), "Twins__Messaging__Aws__TopicArn"),
            DeploymentFiles.ManifestValue(config, "Twins__Messaging__Aws__TopicArn"));
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("workers")]
    [InlineData("model-server")]
    public void Each_service_account_names_the_role_whose_policy_is_in_deploy_aws(string deployable)
    {
        var account = DeploymentFiles.Read("k8s", "base", deployable, "serviceaccount.yaml");

        Assert.Equal($"arn:aws:iam::123456789012:role/wearables-twins-{deployable}",
            DeploymentFiles.ManifestValue(account, "eks.amazonaws.com/role-arn"));
        Assert.True(DeploymentFiles.Policies.ContainsKey($"{deployable}.json"), $"No deploy/aws/{deployable}.json for role wearables-twins-{deployable}.");
        Assert.Contains($"`wearables-twins-{deployable}`", DeploymentFiles.Read("docs", "aws.md"), StringComparison.Ordinal);
    }
}
