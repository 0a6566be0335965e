namespace Wearables.Twins.History.Storage;

/// <summary>An object in the lake: its key, size and last write time.</summary>
public sealed record LakeObject(string Key, long Size, DateTimeOffset LastModified);
