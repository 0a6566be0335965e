using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Wearables.Twins.Aws.Signing;

/// <summary>
/// AWSSDK.Core's default credential chain (environment, profiles, web identity, container and instance roles).
/// The chain is searched once; the credentials object it returns refreshes expiring role keys by itself.
/// </summary>
public sealed class AwsSdkCredentialsProvider : ISigV4CredentialsProvider
{
    private readonly Lazy<Task<AWSCredentials>> _credentials;

    public AwsSdkCredentialsProvider(AWSCredentials? credentials = null)
    {
        _credentials = credentials is null
            ? new Lazy<Task<AWSCredentials>>(() => DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync())
            : new Lazy<Task<AWSCredentials>>(Task.FromResult(credentials));
    }

    public async ValueTask<SigV4Credentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var source = await _credentials.Value.WaitAsync(cancellationToken);
        var keys = await source.GetCredentialsAsync().WaitAsync(cancellationToken);
        return new SigV4Credentials(keys.AccessKey, keys.SecretKey, keys.UseToken ? keys.Token : null);
    }
}
