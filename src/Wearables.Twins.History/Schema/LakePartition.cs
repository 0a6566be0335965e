namespace Wearables.Twins.History.Schema;

/// <summary>One Hive partition: a vital and a UTC day.</summary>
public readonly record struct LakePartition(string Vital, DateOnly Date)
{
    public string Prefix => LakePaths.PartitionPrefix(Vital, Date);
}
