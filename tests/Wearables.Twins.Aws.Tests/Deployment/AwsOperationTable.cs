namespace Wearables.Twins.Aws.Tests.Deployment;

/// <summary>An AWS operation the code calls, granted to a deployable's policy on one resource.</summary>
internal sealed record AwsGrant(string Operation, string IamAction, string PolicyFile, string Resource);

/// <summary>An AWS operation the code calls only on a path that stays off in AWS, so no deployable is granted it.</summary>
internal sealed record AwsNonGrant(string Operation, string IamAction, string Why);

/// <summary>
/// Which deployable may call each AWS operation found in <c>src/</c>, derived by reading the code (README of each
/// provider, docs/aws.md "Who calls what"). <see cref="AwsCallScanner"/> finds the operations; a test fails when the code
/// calls one that is not listed here, so a new AWS call needs a row here and a policy change.
/// </summary>
internal static class AwsOperationTable
{
    public const string Silo = "silo.json";
    public const string Workers = "workers.json";
    public const string Cli = "cli.json";

    private const string GrainState = "arn:aws:dynamodb:us-east-1:123456789012:table/TwinsGrainState";
    private const string Membership = "arn:aws:dynamodb:us-east-1:123456789012:table/TwinsMembership";
    private const string Reminders = "arn:aws:dynamodb:us-east-1:123456789012:table/TwinsReminders";
    private const string LakeBucket = "arn:aws:s3:::wearables-twins-lake-123456789012-us-east-1";
    private const string LakeObjects = LakeBucket + "/lake/*";
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:twins-recommendations";
    private const string NotificationsQueue = "arn:aws:sqs:us-east-1:123456789012:twins-notifications";
    private const string NotificationsDeadLetters = NotificationsQueue + "-dlq";
    private const string RiskEndpoint = "arn:aws:sagemaker:us-east-1:123456789012:endpoint/wearables-twins-risk";

    /// <summary>The policies attached to a deployable's identity (as opposed to IoT policies and resource policies).</summary>
    private static readonly string[] SiloQueues =
    [
        .. new[] { "care-team-alerts", "care-team-escalations", "campaign-findings", "campaign-messages" }
            .Select(q => "arn:aws:sqs:us-east-1:123456789012:twins-" + q),
    ];

    public static readonly string[] DeployablePolicies = [Silo, Workers, Cli, "model-server.json", "ses-smtp-user.json"];

    public static readonly AwsGrant[] Grants =
    [
        // Persistence.DynamoDb: grain storage (GrainStateTable), membership (MembershipTableStore) and reminders
        // (DynamoDbReminderStore); each checks its table with DescribeTable at start (DynamoDbTableInitializer).
        new("dynamodb:DescribeTable", "dynamodb:DescribeTable", Silo, GrainState),
        new("dynamodb:DescribeTable", "dynamodb:DescribeTable", Silo, Membership),
        new("dynamodb:GetItem", "dynamodb:GetItem", Silo, GrainState),
        new("dynamodb:GetItem", "dynamodb:GetItem", Silo, Membership),
        new("dynamodb:PutItem", "dynamodb:PutItem", Silo, GrainState),
        new("dynamodb:PutItem", "dynamodb:PutItem", Silo, Membership),
        new("dynamodb:DeleteItem", "dynamodb:DeleteItem", Silo, GrainState),
        new("dynamodb:DeleteItem", "dynamodb:DeleteItem", Silo, Membership),
        new("dynamodb:Query", "dynamodb:Query", Silo, GrainState),
        new("dynamodb:Query", "dynamodb:Query", Silo, Membership),
        new("dynamodb:UpdateItem", "dynamodb:UpdateItem", Silo, Membership),
        new("dynamodb:DescribeTable", "dynamodb:DescribeTable", Silo, Reminders),
        new("dynamodb:GetItem", "dynamodb:GetItem", Silo, Reminders),
        new("dynamodb:PutItem", "dynamodb:PutItem", Silo, Reminders),
        new("dynamodb:DeleteItem", "dynamodb:DeleteItem", Silo, Reminders),
        new("dynamodb:Query", "dynamodb:Query", Silo, Reminders),

        // History: S3LakeStore (writer, compactor, retention, eraser in the silo; twins sql reads a mirror).
        new("s3:ListObjectsV2", "s3:ListBucket", Silo, LakeBucket),
        new("s3:ListObjectsV2", "s3:ListBucket", Cli, LakeBucket),
        new("s3:GetObject", "s3:GetObject", Silo, LakeObjects),
        new("s3:GetObject", "s3:GetObject", Cli, LakeObjects),
        new("s3:PutObject", "s3:PutObject", Silo, LakeObjects),
        new("s3:DeleteObject", "s3:DeleteObject", Silo, LakeObjects),

        // Messaging: the silo publishes recommendations; the workers consume their queue (GetQueueUrl of the queue and
        // its dead-letter queue at start, with Provision=false) and send SMS (SnsSmsSender, no topic: Resource "*").
        new("sns:Publish", "sns:Publish", Silo, Topic),
        new("sns:Publish", "sns:Publish", Workers, "*"),
        new("sqs:GetQueueUrl", "sqs:GetQueueUrl", Workers, NotificationsQueue),
        new("sqs:GetQueueUrl", "sqs:GetQueueUrl", Workers, NotificationsDeadLetters),
        new("sqs:ReceiveMessage", "sqs:ReceiveMessage", Workers, NotificationsQueue),
        new("sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibility", Workers, NotificationsQueue),
        new("sqs:DeleteMessage", "sqs:DeleteMessage", Workers, NotificationsQueue),

        // The silo also hosts the consumers that need its grains (care-team alerts and escalations, campaign findings and
        // campaign messages), and sends their SMS.
        .. SiloQueues.SelectMany(q => new AwsGrant[]
        {
            new("sqs:GetQueueUrl", "sqs:GetQueueUrl", Silo, q),
            new("sqs:GetQueueUrl", "sqs:GetQueueUrl", Silo, q + "-dlq"),
            new("sqs:ReceiveMessage", "sqs:ReceiveMessage", Silo, q),
            new("sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibility", Silo, q),
            new("sqs:DeleteMessage", "sqs:DeleteMessage", Silo, q),
        }),
        new("sns:Publish", "sns:Publish", Silo, "*"),

        // Risk: SageMakerRiskModel (SigV4-signed InvokeEndpoint).
        new("sagemaker:InvokeEndpoint", "sagemaker:InvokeEndpoint", Silo, RiskEndpoint),
    ];

    public static readonly AwsNonGrant[] NotGranted =
    [
        new("dynamodb:CreateTable", "dynamodb:CreateTable", "CreateIfNotExists=false in AWS: tables come from infrastructure code"),
        new("sns:CreateTopic", "sns:CreateTopic", "Twins:Messaging:Aws:Provision=false: the topic comes from infrastructure code"),
        new("sns:ListSubscriptionsByTopic", "sns:ListSubscriptionsByTopic", "Provision=false: subscriptions come from infrastructure code"),
        new("sns:Subscribe", "sns:Subscribe", "Provision=false: subscriptions come from infrastructure code"),
        new("sns:SetSubscriptionAttributes", "sns:SetSubscriptionAttributes", "Provision=false: filter policies come from infrastructure code"),
        new("sqs:CreateQueue", "sqs:CreateQueue", "Provision=false: queues come from infrastructure code"),
        new("sqs:GetQueueAttributes", "sqs:GetQueueAttributes", "Provision=false: only provisioning reads the queue ARN"),
        new("sqs:SetQueueAttributes", "sqs:SetQueueAttributes", "Provision=false: redrive and queue policies come from infrastructure code"),
        new("sqs:SendMessage", "sqs:SendMessage", "only RedriveDeadLettersAsync sends, and no deployable calls it (operators use SQS's DLQ redrive)"),
    ];

    /// <summary>Every operation of the table, granted or not.</summary>
    public static IEnumerable<string> Operations
        => Grants.Select(g => g.Operation).Concat(NotGranted.Select(n => n.Operation)).Distinct(StringComparer.Ordinal);
}
