using System.Globalization;

namespace Wearables.Twins.Simulator.Cli;

/// <summary>
/// Reads durations as people type them: <c>90s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>, <c>250ms</c>, a bare
/// number of seconds, or a TimeSpan such as <c>00:05:00</c>. <c>0</c> means "no limit".
/// </summary>
public static class DurationParser
{
    private static readonly (string Suffix, double Seconds)[] Units =
    [
        ("ms", 0.001), ("s", 1), ("sec", 1), ("m", 60), ("min", 60), ("h", 3600), ("d", 86400),
    ];

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (TryNumber(text, 1, out duration))
        {
            return true;
        }

        // Longest suffix first, so "ms" and "min" are not read as "s" or "m".
        foreach (var (suffix, seconds) in Units.OrderByDescending(u => u.Suffix.Length))
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && TryNumber(text[..^suffix.Length], seconds, out duration))
            {
                return true;
            }
        }

        return text.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration)
            && duration >= TimeSpan.Zero;
    }

    private static bool TryNumber(string text, double secondsPerUnit, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || number < 0 || double.IsInfinity(number) || number * secondsPerUnit > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(number * secondsPerUnit);
        return true;
    }
}
