using FsCheck;
using FsCheck.Fluent;

namespace Wearables.Twins.Testing.Properties;

/// <summary>A file after something went wrong with it, and what went wrong (for the counter-example).</summary>
public sealed record DamagedFile(string Origin, string What, byte[] Bytes)
{
    public override string ToString() => $"{Origin}, {What} ({Bytes.Length} bytes)";
}

/// <summary>
/// What happens to export files on their way: cut uploads, flipped bits, overwritten or lost runs of bytes, a run
/// repeated, bytes that are not the file at all.
/// </summary>
public static class Damage
{
    public static Gen<DamagedFile> Of(string origin, byte[] original)
        => Gen.OneOf(
            Gen.Choose(0, original.Length - 1).Select(at => new DamagedFile(origin, $"cut at byte {at}", original[..at])),
            Gen.Choose(1, 8).SelectMany(count => Gen.ListOf(Gen.Zip(Gen.Choose(0, original.Length - 1), Gen.Choose(0, 7)), count))
                .Select(flips => new DamagedFile(origin, $"bits flipped at {string.Join(", ", flips.Select(f => $"{f.Item1}.{f.Item2}"))}", Flip(original, flips))),
            from at in Gen.Choose(0, original.Length - 1)
            from run in Gen.Choose(1, 64).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))
            select new DamagedFile(origin, $"{run.Length} bytes overwritten at {at}", Overwrite(original, at, run)),
            from at in Gen.Choose(0, original.Length - 1)
            from length in Gen.Choose(1, 512)
            select new DamagedFile(origin, $"{length} bytes lost at {at}", [.. original.Take(at), .. original.Skip(at + length)]),
            from at in Gen.Choose(0, original.Length - 1)
            from length in Gen.Choose(1, 512)
            select new DamagedFile(origin, $"{length} bytes repeated at {at}", [.. original.Take(at + length), .. original.Skip(at)]),
            Gen.Choose(0, 4096).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))
                .Select(bytes => new DamagedFile(origin, "replaced by random bytes", [.. original.Take(4), .. bytes])));

    private static byte[] Flip(byte[] original, IEnumerable<(int At, int Bit)> flips)
    {
        var copy = (byte[])original.Clone();
        foreach (var (at, bit) in flips)
        {
            copy[at] ^= (byte)(1 << bit);
        }

        return copy;
    }

    private static byte[] Overwrite(byte[] original, int at, byte[] run)
    {
        var copy = (byte[])original.Clone();
        run.AsSpan(0, Math.Min(run.Length, copy.Length - at)).CopyTo(copy.AsSpan(at));
        return copy;
    }
}
