namespace Wearables.Twins.Aws.Signing;

/// <summary>Fixed keys: for local stand-ins (dummy keys) and tests.</summary>
public sealed class StaticCredentialsProvider(SigV4Credentials credentials) : ISigV4CredentialsProvider
{
    public ValueTask<SigV4Credentials> GetCredentialsAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult(credentials);
}
