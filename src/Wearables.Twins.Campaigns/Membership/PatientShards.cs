namespace Wearables.Twins.Campaigns.Membership;

/// <summary>A stable shard of a patient id (FNV-1a over its characters): the same in every process and after restarts.</summary>
public static class PatientShards
{
    public static int Of(string patientId, int shards)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var hash = 2166136261u;
        foreach (var c in patientId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }
}
