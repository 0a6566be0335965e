using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wearables.Twins.Aws.Signing;
using Wearables.Twins.Messaging.Aws;
using Wearables.Twins.Messaging.Tests.Conformance;
using Wearables.Twins.Testing;

namespace Wearables.Twins.Messaging.Tests;

/// <summary>The conformance suite on SNS + SQS (fauxqs), each test on its own topic and queue prefix.</summary>
public sealed class SnsSqsTransportConformanceTests : MessageTransportConformance
{
    protected override TransportUnderTest CreateTransport()
    {
        var endpoint = LocalServers.FauxqsAsync().GetAwaiter().GetResult();
        var (transport, dispose) = Fauxqs.Create(endpoint);
        return new TransportUnderTest(transport, dispose);
    }
}

internal static class Fauxqs
{
    public static (SnsSqsMessageTransport Transport, Action Dispose) Create(Uri endpoint)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var options = new MessagingOptions
        {
            Transport = MessagingTransportKind.Aws,
            Aws = { ServiceUrl = endpoint, TopicName = $"twins-test-{unique}", QueueNamePrefix = $"t{unique}-" },
        };
        var sqs = new AmazonSQSClient(new BasicAWSCredentials("test", "test"),
            new AmazonSQSConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        // Signed like production (fauxqs does not check signatures; the signer has its own test vectors).
        var http = new HttpClient(new SigV4SigningHandler(
            new SigV4Signer(new StaticCredentialsProvider(new SigV4Credentials("test", "test", null))), "us-east-1", "sns")
        {
            InnerHandler = new HttpClientHandler(),
        });
        var transport = new SnsSqsMessageTransport(sqs, new SnsQueryClient(http, endpoint), Options.Create(options),
            NullLogger<SnsSqsMessageTransport>.Instance);
        return (transport, () =>
        {
            transport.Dispose();
            sqs.Dispose();
            http.Dispose();
        });
    }
}
