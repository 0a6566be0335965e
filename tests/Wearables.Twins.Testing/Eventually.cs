namespace Wearables.Twins.Testing;

/// <summary>
/// Waits for a condition another process brings about and announces nowhere (a sample that crossed an external broker
/// into a twin, a risk finding that became an alert): checks it until it holds or the deadline passes, then reports what
/// was last seen.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task<T> MatchesAsync<T>(Func<Task<T>> read, Func<T, bool> holds, TimeSpan within, string what)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(holds);
        using var deadline = new CancellationTokenSource(within);
        var last = await read();
        while (!holds(last))
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"{what} did not happen within {within}; last seen: {last}");
            }

            await Task.Delay(Poll, CancellationToken.None);
            last = await read();
        }

        return last;
    }
}
