namespace Wearables.Twins.Aws.Tests.Deployment;

/// <summary>The scanner behind the operation table sees a new AWS call wherever it is written.</summary>
public sealed class AwsCallScannerTests : IDisposable
{
    private readonly DirectoryInfo _source = Directory.CreateTempSubdirectory("twins-scan-");

    [Fact]
    public void Finds_sdk_calls_query_actions_and_invocations_but_not_generated_files_or_lookalikes()
    {
        Write("Queue/Purger.cs", """
            using Amazon.SQS;
            sealed class Purger(IAmazonSQS sqs) { Task Run(string url) => sqs.PurgeQueueAsync(url); }
            """);
        Write("Lake/Heads.cs", """
            using Amazon.S3;
            sealed class Heads(IAmazonS3 s3) { Task Run() => s3.GetObjectMetadataAsync("bucket", "key"); }
            """);
        Write("Messaging/Aws/SnsQueryClient.cs", """
            public sealed class SnsQueryClient { Task Run() => SendAsync("DeleteTopic", []); }
            """);
        Write("Risk/Model.cs", """
            var path = new Uri($"endpoints/{Uri.EscapeDataString(name)}/invocations", UriKind.Relative);
            """);
        // Same method names without the SDK namespace, a served route, and build output: none of them is a call.
        Write("Other/NotAws.cs", "sealed class NotAws(Store store) { Task Run() => store.PurgeQueueAsync(\"x\"); }");
        Write("Server/Routes.cs", "routes.MapPost(\"/endpoints/{endpointName}/invocations\", InvokeAsync);");
        Write("Queue/obj/Release/Generated.cs", "using Amazon.SQS;\nclass G(IAmazonSQS sqs) { Task R() => sqs.DeleteQueueAsync(\"u\"); }");

        Assert.Equal(
            ["s3:GetObjectMetadata", "sagemaker:InvokeEndpoint", "sns:DeleteTopic", "sqs:PurgeQueue"],
            AwsCallScanner.OperationsIn(_source.FullName));
    }

    [Fact]
    public void Names_a_query_action_outside_the_SNS_client_as_unknown()
    {
        Write("Mail/SesQueryClient.cs", "sealed class SesQueryClient { Task Run() => SendAsync(\"SendRawEmail\", []); }");

        Assert.Equal(["unknown-query-api:SendRawEmail"], AwsCallScanner.OperationsIn(_source.FullName));
    }

    public void Dispose() => _source.Delete(recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_source.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
