using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace Wearables.Twins.History.Storage;

/// <summary>
/// The lake in an S3 bucket under a key prefix. A put is one PutObject (atomic on S3: readers see the old object or
/// the new one); files are small enough (one partition of one flush, or one compacted day) for a single request.
/// </summary>
public sealed class S3LakeStore : ILakeStore
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly string _prefix;

    /// <param name="s3">The client; its credentials come from the default chain in AWS.</param>
    /// <param name="bucket">Bucket name.</param>
    /// <param name="prefix">Key prefix of the lake inside the bucket ("" or ending in '/').</param>
    public S3LakeStore(IAmazonS3 s3, string bucket, string prefix)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        _s3 = s3;
        _bucket = bucket;
        _prefix = string.IsNullOrEmpty(prefix) || prefix.EndsWith('/') ? prefix ?? string.Empty : prefix + "/";
    }

    public string Description => $"s3://{_bucket}/{_prefix}";

    public string? LocalRoot => null;

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = _prefix + key,
            InputStream = content,
            AutoCloseStream = false,
            ContentType = "application/vnd.apache.parquet",
        };
        await _s3.PutObjectAsync(request, cancellationToken);
    }

    public async IAsyncEnumerable<LakeObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix + prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                yield return new LakeObject(item.Key[_prefix.Length..], item.Size ?? 0, item.LastModified ?? DateTime.UtcNow);
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _s3.GetObjectAsync(_bucket, _prefix + key, cancellationToken);
            var copy = new MemoryStream(capacity: (int)Math.Min(response.ContentLength, int.MaxValue));
            await response.ResponseStream.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            return copy;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"Lake object '{key}' does not exist in {Description}.", key, ex);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
        => await _s3.DeleteObjectAsync(_bucket, _prefix + key, cancellationToken);
}
