using System.Reflection;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;

namespace Wearables.Twins.Aws.Tests.Deployment;

/// <summary>
/// Finds the AWS operations the code in <c>src/</c> calls, as <c>service:Operation</c> (the API name, e.g.
/// <c>s3:ListObjectsV2</c>): SDK client methods in files that import the SDK namespace, the SNS Query actions of
/// <c>SnsQueryClient</c>, and the SageMaker runtime's InvokeEndpoint path.
/// </summary>
internal static partial class AwsCallScanner
{
    private static readonly (string Namespace, string Service, Type Client)[] SdkClients =
    [
        ("Amazon.DynamoDBv2", "dynamodb", typeof(IAmazonDynamoDB)),
        ("Amazon.S3", "s3", typeof(IAmazonS3)),
        ("Amazon.SQS", "sqs", typeof(IAmazonSQS)),
    ];

    public static SortedSet<string> OperationsIn(string sourceFolder)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sourceFolder, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (var (ns, service, client) in SdkClients)
            {
                if (!text.Contains($"using {ns};", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var method in AsyncMethodNames(client))
                {
                    if (text.Contains($".{method}(", StringComparison.Ordinal))
                    {
                        found.Add($"{service}:{method[..^"Async".Length]}");
                    }
                }
            }

            // Query-API actions (Action=... form posts); only SnsQueryClient speaks one today. Anywhere else the service
            // is unknown, which the table cannot match, so the test asks for a look.
            var queryService = text.Contains("class SnsQueryClient", StringComparison.Ordinal) ? "sns" : "unknown-query-api";
            foreach (Match action in QueryAction().Matches(text))
            {
                found.Add($"{queryService}:{action.Groups[1].Value}");
            }

            if (SageMakerInvocation().IsMatch(text))
            {
                found.Add("sagemaker:InvokeEndpoint");
            }
        }

        return found;
    }

    private static IEnumerable<string> AsyncMethodNames(Type client)
        => client.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => m.Name)
            .Where(n => n.EndsWith("Async", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"SendAsync\(""([A-Z][A-Za-z0-9]+)""")]
    private static partial Regex QueryAction();

    // The client side of POST /endpoints/{name}/invocations (an interpolated path), not the model server's route.
    [GeneratedRegex(@"\$""endpoints/\{[^}]+\}/invocations""")]
    private static partial Regex SageMakerInvocation();
}
