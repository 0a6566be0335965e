using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Wearables.Twins.Persistence.Conformance;

/// <summary>One reminder delivery: which reminder, on which silo.</summary>
public sealed record ReminderTick(string ReminderName, SiloAddress Silo);

/// <summary>
/// Where in-process test grains report reminder ticks, so a test awaits the tick itself instead of sleeping. Keyed by
/// grain key; each test uses keys of its own.
/// </summary>
public static class ReminderProbe
{
    private static readonly ConcurrentDictionary<string, Channel<ReminderTick>> Ticks = new();

    public static void Record(string grainKey, ReminderTick tick) => For(grainKey).Writer.TryWrite(tick);

    /// <summary>Waits for the next tick of <paramref name="grainKey"/>'s reminder, failing after <paramref name="within"/>.</summary>
    public static async Task<ReminderTick> NextAsync(string grainKey, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await For(grainKey).Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No reminder tick for grain '{grainKey}' within {within}.");
        }
    }

    /// <summary>Forgets the ticks received so far.</summary>
    public static void Drain(string grainKey)
    {
        while (For(grainKey).Reader.TryRead(out _))
        {
        }
    }

    private static Channel<ReminderTick> For(string grainKey) =>
        Ticks.GetOrAdd(grainKey, _ => Channel.CreateUnbounded<ReminderTick>());
}
