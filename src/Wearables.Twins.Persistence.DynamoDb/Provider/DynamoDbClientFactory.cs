using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>Creates the SDK client described by <see cref="DynamoDbConnectionOptions"/>.</summary>
internal static class DynamoDbClientFactory
{
    /// <summary>The signing region used with a custom endpoint when none is configured (what local stand-ins expect).</summary>
    public const string LocalSigningRegion = "us-east-1";

    public static AmazonDynamoDBClient Create(DynamoDbConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var config = new AmazonDynamoDBConfig();
        if (options.ServiceUrl is { Length: > 0 } serviceUrl)
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = options.Region is { Length: > 0 } signing ? signing : LocalSigningRegion;
        }
        else if (options.Region is { Length: > 0 } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        // Static keys only when both are configured (local stand-ins); otherwise the SDK's default chain (env, profile,
        // IRSA web identity, instance role) supplies credentials, so no key ever has to live in configuration in AWS.
        return options.AccessKey is { Length: > 0 } accessKey && options.SecretKey is { Length: > 0 } secretKey
            ? new AmazonDynamoDBClient(new BasicAWSCredentials(accessKey, secretKey), config)
            : new AmazonDynamoDBClient(config);
    }
}
