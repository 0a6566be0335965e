namespace Wearables.Twins.Messaging.Hosting;

/// <summary>
/// Where the SigV4 signer plugs into SNS requests: register a keyed transient <see cref="DelegatingHandler"/>
/// under <see cref="HandlerKey"/> that signs for service <c>sns</c>. In AWS (no <c>ServiceUrl</c>) one is required;
/// local stand-ins do not check signatures.
/// </summary>
public static class SnsSigning
{
    public const string HandlerKey = "twins-sns-signing";
}
