using Wearables.Twins.History.Storage;
using Wearables.Twins.Testing;

namespace Wearables.Twins.History.Tests.Conformance;

/// <summary>The same suite against S3 on fauxqs (a real S3 protocol server), one bucket per test.</summary>
public sealed class S3LakeStoreConformanceTests : LakeStoreConformance
{
    protected override async Task<ILakeStore> CreateStoreAsync()
    {
        var endpoint = await LocalServers.FauxqsAsync();
        var client = LakeHost.CreateS3Client(endpoint);
        var bucket = "conformance-" + Guid.NewGuid().ToString("N")[..12];
        await client.PutBucketAsync(bucket);
        return new S3LakeStore(client, bucket, "lake/");
    }
}
