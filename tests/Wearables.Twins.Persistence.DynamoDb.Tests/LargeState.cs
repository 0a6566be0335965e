namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>A state that can be made arbitrarily large, compressible (text) or not (random bytes).</summary>
[GenerateSerializer]
public sealed class LargeState
{
    [Id(0)]
    public byte[] Blob { get; set; } = [];

    [Id(1)]
    public string Text { get; set; } = string.Empty;

    public static LargeState Incompressible(int bytes, int seed)
    {
        var blob = new byte[bytes];
        new Random(seed).NextBytes(blob);
        return new LargeState { Blob = blob };
    }

    public static LargeState Compressible(int characters) =>
        new() { Text = string.Concat(Enumerable.Repeat("heart-rate 72 bpm, spo2 98 %; ", characters / 30 + 1))[..characters] };
}
