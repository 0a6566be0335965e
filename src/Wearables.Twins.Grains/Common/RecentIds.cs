namespace Wearables.Twins.Grains.Common;

/// <summary>
/// The last N message ids, oldest dropped first. Enough to recognise a redelivery (which comes within
/// seconds or minutes), bounded so it never grows with traffic.
/// </summary>
[GenerateSerializer, Alias("Wearables.Twins.RecentIds")]
public sealed class RecentIds
{
    public const int Capacity = 256;

    [NonSerialized]
    private HashSet<string>? _lookup;

    [Id(0)]
    public Queue<string> Order { get; init; } = new();

    public bool Contains(string id) => Lookup.Contains(id);

    /// <summary>Adds the id; returns false when it was already there.</summary>
    public bool Add(string id)
    {
        if (!Lookup.Add(id))
        {
            return false;
        }

        Order.Enqueue(id);
        if (Order.Count > Capacity)
        {
            Lookup.Remove(Order.Dequeue());
        }

        return true;
    }

    private HashSet<string> Lookup => _lookup ??= new HashSet<string>(Order, StringComparer.Ordinal);
}
