using Wearables.Twins.Aws.Signing;

namespace Wearables.Twins.Aws.Options;

/// <summary>
/// Where an AWS client sends requests and with which keys. Reused by every AWS client of the service (SageMaker
/// runtime, SNS, …): each binds its own section, so regions and local stand-ins can differ per service.
/// </summary>
public class AwsEndpointOptions
{
    /// <summary>Region of the service and of the signature's credential scope, e.g. eu-west-1.</summary>
    public string Region { get; set; } = "";

    /// <summary>
    /// Replaces the public endpoint, for a local stand-in (the model server, LocalStack-style emulators) or a VPC
    /// endpoint. Requests are still signed for <see cref="Region"/>.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Fixed access key for local stand-ins; leave empty to use AWSSDK.Core's default credential chain.</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    public string? SessionToken { get; set; }

    /// <summary><see cref="ServiceUrl"/> when set, else https://{hostPrefix}.{Region}.amazonaws.com/.</summary>
    public Uri ResolveBaseAddress(string hostPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostPrefix);
        var address = ServiceUrl ?? new Uri($"https://{hostPrefix}.{Region}.amazonaws.com/");
        return address.AbsolutePath.EndsWith('/') ? address : new UriBuilder(address) { Path = address.AbsolutePath + "/" }.Uri;
    }

    /// <summary>Fixed keys when configured, otherwise the SDK's default chain.</summary>
    public ISigV4CredentialsProvider CreateCredentialsProvider()
        => string.IsNullOrEmpty(AccessKeyId)
            ? new AwsSdkCredentialsProvider()
            : new StaticCredentialsProvider(new SigV4Credentials(AccessKeyId, SecretAccessKey ?? "", SessionToken));
}
