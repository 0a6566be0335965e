namespace Wearables.Twins.Dashboard.Tests.Infrastructure;

/// <summary>
/// Waits for a condition another process brings about and announces nowhere (a risk finding that became an alert):
/// checks it until it holds or the deadline passes, then reports what was last seen.
/// </summary>
internal static class Eventually
{
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> read, Func<T, bool> holds, TimeSpan within, string what)
    {
        using var deadline = new CancellationTokenSource(within);
        var last = await read();
        while (!holds(last))
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"{what} did not happen within {within}; last seen: {last}");
            }

            await Task.Delay(100, CancellationToken.None);
            last = await read();
        }

        return last;
    }
}
