namespace Wearables.Twins.Grains.Common;

/// <summary>The grain storage provider name twins persist to; the host decides what backs it.</summary>
public static class StorageNames
{
    public const string Twins = "twins";
}
