namespace Wearables.Twins.Grains.Common;

/// <summary>Random, non-zero activation identities (0 means "unknown" to senders).</summary>
internal static class Incarnations
{
    public static long Next()
    {
        long value;
        do
        {
            value = Random.Shared.NextInt64();
        }
        while (value == 0);
        return value;
    }
}
