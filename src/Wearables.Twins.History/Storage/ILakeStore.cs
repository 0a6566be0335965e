namespace Wearables.Twins.History.Storage;

/// <summary>
/// Where lake objects live: a local folder or an S3 bucket. Keys are '/'-separated and relative to the lake root.
/// A put is atomic: readers see the whole object or nothing (temp + rename locally, one PUT on S3).
/// </summary>
public interface ILakeStore
{
    /// <summary>"local /data/lake" or "s3://bucket/prefix", for logs and receipts.</summary>
    string Description { get; }

    /// <summary>The folder that holds the objects as files DuckDB can read directly; null for remote stores.</summary>
    string? LocalRoot { get; }

    /// <summary>Stores <paramref name="content"/> (read from its current position) under <paramref name="key"/>, replacing any object there.</summary>
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>Every finished object whose key starts with <paramref name="prefix"/>, in no particular order.</summary>
    IAsyncEnumerable<LakeObject> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Opens an object for reading; throws <see cref="FileNotFoundException"/> when it does not exist.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes an object; deleting a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
