namespace Wearables.Twins.Grains.Tests.CareTeams;

/// <summary>
/// Polls a grain's state until a condition holds, with a deadline. For outcomes that leave no event a test can
/// await (e.g. an escalation whose notice the topic refused).
/// </summary>
internal static class Eventually
{
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"The condition did not hold within {within}; last value: {value}");
            }

            await Task.Delay(100);
        }
    }
}
