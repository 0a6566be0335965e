using System.Globalization;
using System.Xml.Linq;

namespace Wearables.Twins.Messaging.Aws;

/// <summary>
/// The few SNS actions the service needs, as Query requests (form POST, API version 2010-03-31), because the
/// SNS SDK package is not available. Requests are signed by the <see cref="HttpClient"/>'s handler pipeline
/// (<c>Wearables.Twins.Aws.Signing.SigV4SigningHandler</c> for service <c>sns</c>).
/// </summary>
public sealed class SnsQueryClient
{
    private const string ApiVersion = "2010-03-31";
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    /// <param name="http">Client whose handler signs requests for service <c>sns</c>.</param>
    /// <param name="endpoint">E.g. <c>https://sns.sa-east-1.amazonaws.com/</c>, or a local stand-in.</param>
    public SnsQueryClient(HttpClient http, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        _http = http;
        _endpoint = endpoint;
    }

    /// <summary>The regional SNS endpoint, or <paramref name="serviceUrl"/> when set.</summary>
    public static Uri EndpointFor(string region, Uri? serviceUrl)
        => serviceUrl ?? new Uri($"https://sns.{region}.amazonaws.com/");

    /// <summary>Creates the topic, or returns the ARN of the existing one (CreateTopic is idempotent).</summary>
    public async Task<string> CreateTopicAsync(string name, CancellationToken cancellationToken)
    {
        var result = await SendAsync("CreateTopic", [new("Name", name)], cancellationToken);
        return Required(result, "TopicArn");
    }

    /// <summary>Publishes to a topic with string message attributes; returns SNS's message id.</summary>
    public async Task<string> PublishAsync(
        string topicArn, string message, IReadOnlyList<KeyValuePair<string, string>> attributes, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>(2 + (attributes.Count * 3))
        {
            new("TopicArn", topicArn),
            new("Message", message),
        };
        AddAttributes(parameters, attributes);
        return Required(await SendAsync("Publish", parameters, cancellationToken), "MessageId");
    }

    /// <summary>Sends an SMS straight to a phone number (E.164); returns SNS's message id.</summary>
    public async Task<string> PublishSmsAsync(
        string phoneNumber, string message, IReadOnlyList<KeyValuePair<string, string>> attributes, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>(2 + (attributes.Count * 3))
        {
            new("PhoneNumber", phoneNumber),
            new("Message", message),
        };
        AddAttributes(parameters, attributes);
        return Required(await SendAsync("Publish", parameters, cancellationToken), "MessageId");
    }

    /// <summary>The ARN of the topic's subscription delivering to <paramref name="endpoint"/> over <paramref name="protocol"/>, if any.</summary>
    public async Task<string?> FindSubscriptionAsync(string topicArn, string protocol, string endpoint, CancellationToken cancellationToken)
    {
        string? nextToken = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>> { new("TopicArn", topicArn) };
            if (nextToken is not null)
            {
                parameters.Add(new("NextToken", nextToken));
            }

            var result = await SendAsync("ListSubscriptionsByTopic", parameters, cancellationToken);
            foreach (var member in result.Descendants().Where(e => e.Name.LocalName == "member"))
            {
                if (Child(member, "Protocol") == protocol && Child(member, "Endpoint") == endpoint)
                {
                    return Child(member, "SubscriptionArn");
                }
            }

            nextToken = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "NextToken")?.Value;
        }
        while (!string.IsNullOrEmpty(nextToken));

        return null;
    }

    /// <summary>Subscribes an endpoint with subscription attributes; returns the subscription ARN.</summary>
    public async Task<string> SubscribeAsync(
        string topicArn, string protocol, string endpoint, IReadOnlyList<KeyValuePair<string, string>> attributes, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("TopicArn", topicArn),
            new("Protocol", protocol),
            new("Endpoint", endpoint),
            new("ReturnSubscriptionArn", "true"),
        };
        for (var i = 0; i < attributes.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            parameters.Add(new($"Attributes.entry.{n}.key", attributes[i].Key));
            parameters.Add(new($"Attributes.entry.{n}.value", attributes[i].Value));
        }

        return Required(await SendAsync("Subscribe", parameters, cancellationToken), "SubscriptionArn");
    }

    public Task SetSubscriptionAttributeAsync(string subscriptionArn, string name, string value, CancellationToken cancellationToken)
        => SendAsync("SetSubscriptionAttributes",
            [new("SubscriptionArn", subscriptionArn), new("AttributeName", name), new("AttributeValue", value)], cancellationToken);

    private static void AddAttributes(List<KeyValuePair<string, string>> parameters, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"MessageAttributes.entry.{i + 1}.");
            parameters.Add(new(prefix + "Name", attributes[i].Key));
            parameters.Add(new(prefix + "Value.DataType", "String"));
            parameters.Add(new(prefix + "Value.StringValue", attributes[i].Value));
        }
    }

    private async Task<XElement> SendAsync(string action, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        parameters.Insert(0, new("Action", action));
        parameters.Insert(1, new("Version", ApiVersion));
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new FormUrlEncodedContent(parameters) };
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        XElement document;
        try
        {
            document = XElement.Parse(text);
        }
        catch (System.Xml.XmlException ex)
        {
            throw new SnsException($"SNS {action} answered {(int)response.StatusCode} with a body that is not XML.", ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            throw new SnsException(
                (error is null ? null : Child(error, "Code")) ?? response.StatusCode.ToString(),
                (error is null ? null : Child(error, "Message")) ?? text,
                (int)response.StatusCode);
        }

        return document;
    }

    private static string Required(XElement document, string element)
        => document.Descendants().FirstOrDefault(e => e.Name.LocalName == element)?.Value
            ?? throw new SnsException($"SNS response has no {element}: {document}");

    private static string? Child(XElement element, string name)
        => element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
