namespace Wearables.Twins.History.Reading;

/// <summary>A lake object and the local file DuckDB reads for it.</summary>
public sealed record LakeFile(string Key, string LocalPath, long Size);
