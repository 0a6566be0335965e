namespace Wearables.Twins.Simulator.Realism;

/// <summary>
/// Derives independent, reproducible seeds from a root seed and a few integers (SplitMix64).
/// <see cref="HashCode"/> is randomised per process, so it cannot be used for reproducible runs.
/// </summary>
public static class SeedMixer
{
    public static int Mix(int seed, int a, int b = 0, int c = 0)
    {
        var x = (ulong)(uint)seed;
        x = Step(x ^ (uint)a);
        x = Step(x ^ ((ulong)(uint)b << 21));
        x = Step(x ^ ((ulong)(uint)c << 42));
        return (int)(x ^ (x >> 32));
    }

    private static ulong Step(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
