using FsCheck;
using FsCheck.Fluent;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>Small generator building blocks FsCheck's fluent API does not have.</summary>
internal static class Gens
{
    public static readonly Gen<bool> Bool = Gen.Elements(true, false);

    /// <summary>A long in [<paramref name="min"/>, <paramref name="max"/>], uniform enough for tick ranges of a few centuries.</summary>
    public static Gen<long> LongBetween(long min, long max)
        => Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, int.MaxValue), (high, low) =>
            min + (long)((((ulong)high << 31) | (uint)low) % (ulong)(max - min + 1)));

    /// <summary>A double in [<paramref name="min"/>, <paramref name="max"/>] with about six significant digits of spread.</summary>
    public static Gen<double> DoubleBetween(double min, double max)
        => Gen.Choose(0, 1_000_000).Select(step => min + ((max - min) * step / 1_000_000.0));

    public static Gen<T?> Optional<T>(Gen<T> gen)
        where T : class
        => Gen.Frequency((1, Gen.Constant<T?>(null)), (1, gen.Select(value => (T?)value)));

    /// <summary>Text of ASCII letters with a random case for each one: the decoder matches units, categories and sources case-insensitively.</summary>
    public static Gen<string> RandomCase(string text)
        => Gen.ArrayOf(Bool, text.Length).Select(upper => string.Concat(text.Select((c, i) =>
            char.IsAsciiLetter(c) ? (upper[i] ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)) : c)));

    /// <summary>Sometimes the text as written, sometimes with random letter case.</summary>
    public static Gen<string> MaybeRandomCase(string text)
        => Gen.Frequency((3, Gen.Constant(text)), (1, RandomCase(text)));

    public static Gen<string> StringOf(string alphabet, int minLength, int maxLength)
        => Gen.Choose(minLength, maxLength).SelectMany(length =>
            Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length).Select(chars => new string(chars)));
}
