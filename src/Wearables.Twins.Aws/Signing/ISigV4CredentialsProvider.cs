namespace Wearables.Twins.Aws.Signing;

/// <summary>Where signing keys come from; resolved per request because role credentials rotate.</summary>
public interface ISigV4CredentialsProvider
{
    ValueTask<SigV4Credentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
