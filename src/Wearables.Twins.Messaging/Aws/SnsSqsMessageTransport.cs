using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Messaging.Aws;

/// <summary>
/// The AWS transport: publishes to an SNS topic (message attributes <c>message_id</c>, <c>kind</c>,
/// <c>severity</c>); each consumer queue is an SQS queue subscribed with raw delivery and a filter policy on
/// kind and severity, with a redrive policy to its own <c>-dlq</c> queue.
/// </summary>
public sealed class SnsSqsMessageTransport : IMessageTransport, IDisposable
{
    private const string DeadLetterSuffix = "-dlq";
    private static readonly List<string> AllAttributes = ["All"];
    private static readonly List<string> ReceiveCountAttribute = ["ApproximateReceiveCount"];

    private readonly IAmazonSQS _sqs;
    private readonly SnsQueryClient _sns;
    private readonly AwsMessagingOptions _options;
    private readonly ILogger<SnsSqsMessageTransport> _logger;
    private readonly ConcurrentDictionary<string, string> _queueUrls = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _topicGate = new(1, 1);
    private string? _topicArn;

    public SnsSqsMessageTransport(IAmazonSQS sqs, SnsQueryClient sns, IOptions<MessagingOptions> options, ILogger<SnsSqsMessageTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sqs = sqs;
        _sns = sns;
        _options = options.Value.Aws;
        _logger = logger;
    }

    /// <summary>The SQS queue name behind a consumer queue (prefix applied).</summary>
    public string QueueNameOf(string queue) => _options.QueueNamePrefix + queue;

    public async Task EnsureSubscriptionAsync(QueueSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var name = QueueNameOf(subscription.Queue);
        if (!_options.Provision)
        {
            await QueueUrlAsync(name, cancellationToken);
            await QueueUrlAsync(name + DeadLetterSuffix, cancellationToken);
            return;
        }

        var topicArn = await TopicArnAsync(cancellationToken);
        var deadLetterUrl = await CreateQueueAsync(name + DeadLetterSuffix, cancellationToken);
        var deadLetterArn = await QueueArnAsync(deadLetterUrl, cancellationToken);
        var queueUrl = await CreateQueueAsync(name, cancellationToken);
        var queueArn = await QueueArnAsync(queueUrl, cancellationToken);

        // Attributes are set after creation so that changing them later (e.g. a new visibility timeout) works:
        // CreateQueue with attributes different from the existing queue's fails.
        await _sqs.SetQueueAttributesAsync(new SetQueueAttributesRequest
        {
            QueueUrl = queueUrl,
            Attributes = new Dictionary<string, string>
            {
                ["VisibilityTimeout"] = Seconds(subscription.VisibilityTimeout, 0, 43_200),
                ["RedrivePolicy"] = new JsonObject
                {
                    ["deadLetterTargetArn"] = deadLetterArn,
                    ["maxReceiveCount"] = subscription.MaxReceiveCount.ToString(CultureInfo.InvariantCulture),
                }.ToJsonString(),
                ["Policy"] = SnsSendPolicy(queueArn, topicArn),
            },
        }, cancellationToken);

        var filterPolicy = FilterPolicy(subscription);
        var subscriptionArn = await _sns.FindSubscriptionAsync(topicArn, "sqs", queueArn, cancellationToken);
        if (subscriptionArn is null)
        {
            await _sns.SubscribeAsync(topicArn, "sqs", queueArn,
                [new("RawMessageDelivery", "true"), new("FilterPolicy", filterPolicy)], cancellationToken);
        }
        else
        {
            await _sns.SetSubscriptionAttributeAsync(subscriptionArn, "RawMessageDelivery", "true", cancellationToken);
            await _sns.SetSubscriptionAttributeAsync(subscriptionArn, "FilterPolicy", filterPolicy, cancellationToken);
        }

        MessagingLog.SubscriptionEnsured(_logger, "sns-sqs", subscription.Queue, subscription.Kinds.Count, subscription.Severities.Count);
    }

    public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var topicArn = await TopicArnAsync(cancellationToken);
        await _sns.PublishAsync(topicArn, message.Body,
            [
                new(MessageAttributeNames.MessageId, message.MessageId),
                new(MessageAttributeNames.Kind, message.Kind),
                new(MessageAttributeNames.Severity, message.Severity),
            ], cancellationToken);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var url = await QueueUrlAsync(QueueNameOf(queue), cancellationToken);
        var response = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = url,
            MaxNumberOfMessages = Math.Clamp(maxMessages, 1, 10),
            WaitTimeSeconds = (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 0, 20),
            MessageAttributeNames = AllAttributes,
            MessageSystemAttributeNames = ReceiveCountAttribute,
        }, cancellationToken);

        if (response.Messages is not { Count: > 0 } messages)
        {
            return [];
        }

        var received = new List<ReceivedMessage>(messages.Count);
        foreach (var m in messages)
        {
            received.Add(new ReceivedMessage(queue,
                Attribute(m, MessageAttributeNames.MessageId) ?? m.MessageId,
                Attribute(m, MessageAttributeNames.Kind) ?? string.Empty,
                Attribute(m, MessageAttributeNames.Severity) ?? string.Empty,
                m.Body,
                ReceiveCount(m),
                m.ReceiptHandle));
        }

        return received;
    }

    public async Task AckAsync(ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var url = await QueueUrlAsync(QueueNameOf(message.Queue), cancellationToken);
        await _sqs.DeleteMessageAsync(url, message.ReceiptHandle, cancellationToken);
    }

    public async Task ReleaseAsync(ReceivedMessage message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var url = await QueueUrlAsync(QueueNameOf(message.Queue), cancellationToken);
        await _sqs.ChangeMessageVisibilityAsync(url, message.ReceiptHandle,
            int.Parse(Seconds(delay, 0, 43_200), CultureInfo.InvariantCulture), cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> PeekDeadLettersAsync(string queue, int max, CancellationToken cancellationToken = default)
    {
        var url = await QueueUrlAsync(QueueNameOf(queue) + DeadLetterSuffix, cancellationToken);
        var seen = new Dictionary<string, (DeadLetter Letter, string Receipt)>(StringComparer.Ordinal);
        while (seen.Count < max)
        {
            // Hidden while we look, so one pass never returns the same message twice; shown again below.
            var response = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = url,
                MaxNumberOfMessages = Math.Clamp(max - seen.Count, 1, 10),
                WaitTimeSeconds = 0,
                VisibilityTimeout = 30,
                MessageAttributeNames = AllAttributes,
                MessageSystemAttributeNames = ReceiveCountAttribute,
            }, cancellationToken);
            if (response.Messages is not { Count: > 0 } messages)
            {
                break;
            }

            foreach (var m in messages)
            {
                seen[m.MessageId] = (new DeadLetter(queue, Attribute(m, MessageAttributeNames.MessageId) ?? m.MessageId,
                    Attribute(m, MessageAttributeNames.Kind) ?? string.Empty, Attribute(m, MessageAttributeNames.Severity) ?? string.Empty,
                    m.Body, ReceiveCount(m)), m.ReceiptHandle);
            }
        }

        foreach (var (_, receipt) in seen.Values)
        {
            await _sqs.ChangeMessageVisibilityAsync(url, receipt, 0, cancellationToken);
        }

        return [.. seen.Values.Select(v => v.Letter)];
    }

    public async Task<int> RedriveDeadLettersAsync(string queue, CancellationToken cancellationToken = default)
    {
        var name = QueueNameOf(queue);
        var url = await QueueUrlAsync(name, cancellationToken);
        var deadLetterUrl = await QueueUrlAsync(name + DeadLetterSuffix, cancellationToken);
        var moved = 0;
        while (true)
        {
            var response = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = deadLetterUrl,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 0,
                VisibilityTimeout = 60,
                MessageAttributeNames = AllAttributes,
            }, cancellationToken);
            if (response.Messages is not { Count: > 0 } messages)
            {
                break;
            }

            foreach (var m in messages)
            {
                // Send first, delete second: a crash in between duplicates (consumers are idempotent) but never loses.
                await _sqs.SendMessageAsync(new SendMessageRequest
                {
                    QueueUrl = url,
                    MessageBody = m.Body,
                    MessageAttributes = m.MessageAttributes is { Count: > 0 } attributes ? new Dictionary<string, MessageAttributeValue>(attributes) : null,
                }, cancellationToken);
                await _sqs.DeleteMessageAsync(deadLetterUrl, m.ReceiptHandle, cancellationToken);
                moved++;
            }
        }

        MessagingLog.Redriven(_logger, queue, moved);
        return moved;
    }

    public void Dispose() => _topicGate.Dispose();

    private async Task<string> TopicArnAsync(CancellationToken cancellationToken)
    {
        if (_topicArn is { } known)
        {
            return known;
        }

        await _topicGate.WaitAsync(cancellationToken);
        try
        {
            if (_topicArn is null)
            {
                _topicArn = !string.IsNullOrWhiteSpace(_options.TopicArn)
                    ? _options.TopicArn
                    : await _sns.CreateTopicAsync(_options.TopicName, cancellationToken);
                MessagingLog.TopicReady(_logger, _topicArn);
            }

            return _topicArn;
        }
        finally
        {
            _topicGate.Release();
        }
    }

    private async Task<string> CreateQueueAsync(string name, CancellationToken cancellationToken)
    {
        var url = (await _sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name }, cancellationToken)).QueueUrl;
        _queueUrls[name] = url;
        return url;
    }

    private async Task<string> QueueUrlAsync(string name, CancellationToken cancellationToken)
    {
        if (_queueUrls.TryGetValue(name, out var url))
        {
            return url;
        }

        url = (await _sqs.GetQueueUrlAsync(name, cancellationToken)).QueueUrl;
        _queueUrls[name] = url;
        return url;
    }

    private async Task<string> QueueArnAsync(string url, CancellationToken cancellationToken)
    {
        var response = await _sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = ["QueueArn"] }, cancellationToken);
        return response.Attributes?.GetValueOrDefault("QueueArn")
            ?? throw new InvalidOperationException($"SQS did not return the ARN of {url}.");
    }

    private static string FilterPolicy(QueueSubscription subscription)
    {
        // An empty policy matches every message; SNS needs a non-empty list per key, so empty filters are omitted.
        var policy = new JsonObject();
        if (subscription.Kinds.Count > 0)
        {
            policy[MessageAttributeNames.Kind] = new JsonArray([.. subscription.Kinds.Select(k => (JsonNode?)JsonValue.Create(k))]);
        }

        if (subscription.Severities.Count > 0)
        {
            policy[MessageAttributeNames.Severity] = new JsonArray([.. subscription.Severities.Select(s => (JsonNode?)JsonValue.Create(s))]);
        }

        return policy.ToJsonString();
    }

    private static string SnsSendPolicy(string queueArn, string topicArn) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = "twins-topic-to-queue",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = "sns.amazonaws.com" },
            ["Action"] = "sqs:SendMessage",
            ["Resource"] = queueArn,
            ["Condition"] = new JsonObject { ["ArnEquals"] = new JsonObject { ["aws:SourceArn"] = topicArn } },
        }),
    }.ToJsonString();

    private static string? Attribute(Message message, string name)
        => message.MessageAttributes is { } attributes && attributes.TryGetValue(name, out var value) ? value.StringValue : null;

    private static int ReceiveCount(Message message)
        => message.Attributes is { } attributes && attributes.TryGetValue("ApproximateReceiveCount", out var count)
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;

    private static string Seconds(TimeSpan value, int min, int max)
        => ((int)Math.Clamp(Math.Ceiling(value.TotalSeconds), min, max)).ToString(CultureInfo.InvariantCulture);
}
