using FsCheck;
using FsCheck.Fluent;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Garmin.Tests.Properties;

/// <summary>What one generated FIT data message must give.</summary>
internal abstract record FitItem(string Description)
{
    public sealed override string ToString() => Description;
}

/// <summary>A record message with a heart rate at an absolute time: one heart_rate sample (refused by the service when impossible).</summary>
internal sealed record HeartRateItem(uint Time, int BeatsPerMinute, bool Compressed, bool Wide)
    : FitItem($"record {(Compressed ? "compressed " : string.Empty)}{(Wide ? "uint16 " : string.Empty)}hr {BeatsPerMinute} at {Time}");

/// <summary>A record message whose heart rate cannot be placed in time: one unreadable_record rejection.</summary>
internal sealed record UnplacedHeartRateItem(uint? RelativeTime, int BeatsPerMinute)
    : FitItem(RelativeTime is { } t ? $"record hr {BeatsPerMinute} {t} s after power-on" : $"record hr {BeatsPerMinute} without timestamp");

/// <summary>A record message without a heart rate (invalid 0xFF): not a vital, nothing and no rejection.</summary>
internal sealed record NoHeartRateItem(uint Time) : FitItem($"record without hr at {Time}");

/// <summary>An hrv message: beat intervals in ms (null is the invalid value) in uint16, or uint64 that can hold absurd ones.</summary>
internal sealed record BeatsItem(long?[] Beats, bool Wide) : FitItem($"hrv {(Wide ? "uint64 " : string.Empty)}[{string.Join(", ", Beats.Select(b => b?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"))}]");

/// <summary>The random choices behind one item; items are laid out from them in order (see <see cref="FitCase.Items"/>).</summary>
internal sealed record ItemSeed(int Kind, int Step, int BeatsPerMinute, int WideBeatsPerMinute, uint? RelativeTime, bool Compressed, long?[] Beats);

/// <summary>An activity file: file_id, a timer start, then the items; decoded in a context of the given zone offset.</summary>
internal sealed record FitCase(uint Start, IReadOnlyList<ItemSeed> Seeds, TimeSpan ZoneOffset)
{
    private const int FileIdType = 0, Event = 1, Record = 2, CompressedRecord = 3, RecordWide = 4, RecordUntimed = 5, Hrv = 6, HrvWide = 7;

    public TimeZoneInfo Zone => TimeZoneInfo.CreateCustomTimeZone("generated", ZoneOffset, "generated", "generated");

    public byte[] Build()
    {
        var fit = new FitFileBuilder()
            .Define(FileIdType, 0, (0, 1, FitType.Enum), (1, 2, FitType.UInt16), (2, 2, FitType.UInt16))
            .Data(FileIdType, 4, 1, 3290)
            .Define(Event, 21, (253, 4, FitType.UInt32), (0, 1, FitType.Enum), (1, 1, FitType.Enum))
            .Data(Event, Start, 0, 0)
            .Define(Record, 20, (253, 4, FitType.UInt32), (3, 1, FitType.UInt8))
            .Define(CompressedRecord, 20, (3, 1, FitType.UInt8))
            .Define(RecordWide, 20, (253, 4, FitType.UInt32), (3, 2, FitType.UInt16))
            .Define(RecordUntimed, 20, (3, 1, FitType.UInt8), (5, 4, FitType.UInt32))
            .Define(Hrv, 78, (0, 10, FitType.UInt16))
            .Define(HrvWide, 78, (0, 40, FitType.UInt64));
        foreach (var item in Items)
        {
            switch (item)
            {
                case HeartRateItem { Compressed: true } hr:
                    fit.Compressed(CompressedRecord, (int)(hr.Time & 0x1F), hr.BeatsPerMinute);
                    break;
                case HeartRateItem hr:
                    fit.Data(hr.Wide ? RecordWide : Record, hr.Time, hr.BeatsPerMinute);
                    break;
                case UnplacedHeartRateItem { RelativeTime: { } relative } unplaced:
                    fit.Data(Record, relative, unplaced.BeatsPerMinute);
                    break;
                case UnplacedHeartRateItem unplaced:
                    fit.Data(RecordUntimed, unplaced.BeatsPerMinute, 1234);
                    break;
                case NoHeartRateItem none:
                    fit.Data(Record, none.Time, null);
                    break;
                case BeatsItem beats:
                    // One array field: the array is the message's single value.
                    fit.Data(beats.Wide ? HrvWide : Hrv, beats.Wide ? beats.Beats.Select(b => (ulong?)b).ToArray() : beats.Beats);
                    break;
            }
        }

        return fit.Build();
    }

    /// <summary>
    /// The items on a timeline: each timed one a few seconds after the previous. A compressed header holds only the
    /// low 5 bits of the time, so it is used only within 31 s of a full absolute timestamp (what a device does).
    /// </summary>
    public IReadOnlyList<FitItem> Items
    {
        get
        {
            var items = new List<FitItem>(Seeds.Count);
            var time = Start;
            uint? lastAbsolute = Start;
            foreach (var seed in Seeds)
            {
                time += (uint)seed.Step;
                switch (seed.Kind)
                {
                    case 0:
                        items.Add(new HeartRateItem(time, seed.BeatsPerMinute, seed.Compressed && lastAbsolute is { } last && time - last < 32, Wide: false));
                        lastAbsolute = time;
                        break;
                    case 1:
                        items.Add(new UnplacedHeartRateItem(seed.RelativeTime, seed.BeatsPerMinute));
                        lastAbsolute = seed.RelativeTime is null ? lastAbsolute : null;
                        break;
                    case 2:
                        items.Add(new NoHeartRateItem(time));
                        lastAbsolute = time;
                        break;
                    case 3:
                        items.Add(new HeartRateItem(time, seed.WideBeatsPerMinute, false, Wide: true));
                        lastAbsolute = time;
                        break;
                    default:
                        items.Add(new BeatsItem(seed.Beats, Wide: seed.Kind == 5));
                        break;
                }
            }

            return items;
        }
    }

    public IEnumerable<FitCase> Shrink()
        => Seeds.Count <= 1 ? [] : Seeds.Select((_, i) => this with { Seeds = [.. Seeds.Where((_, j) => j != i)] });

    public override string ToString() => $"start {Start}, zone {ZoneOffset}: {string.Join("; ", Items)}";
}

/// <summary>
/// Activity files written by <see cref="FitFileBuilder"/> (independently of the decoder): heart rates at absolute,
/// compressed or no times, in uint8 or uint16 fields; hrv beat lists with plausible, implausible, invalid and (in
/// uint64 fields) absurd intervals.
/// </summary>
internal static class GeneratedFitCases
{
    private static readonly uint Earliest = FitFileBuilder.Time(new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly uint Latest = FitFileBuilder.Time(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static Arbitrary<FitCase> Files()
        => Arb.From(
            from start in Gen.Choose(0, (int)(Latest - Earliest)).Select(s => Earliest + (uint)s)
            from quarters in Gen.Choose(-14 * 4, 14 * 4)
            from seeds in Gen.Choose(1, 40).SelectMany(n => Gen.ListOf(Seed(), n))
            select new FitCase(start, seeds, TimeSpan.FromMinutes(quarters * 15)),
            file => file.Shrink());

    /// <summary>Kind: 0 heart rate, 1 unplaced heart rate, 2 no heart rate, 3 uint16 heart rate, 4 beats, 5 uint64 beats.</summary>
    private static Gen<ItemSeed> Seed()
        => from kind in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)), (2, Gen.Constant(4)), (2, Gen.Constant(5)))
           from step in Gen.Frequency((4, Gen.Choose(0, 31)), (1, Gen.Choose(32, 900)))
           from bpm in Gen.Choose(30, 220)
           from wideBpm in Gen.Elements(30, 120, 250, 300, 301, 1000, 65_000)
           from relative in Gen.Elements<uint?>(null, 0, 17, 0x0FFF_FFFF)
           from compressed in Gen.Elements(false, true)
           from beats in Gen.ArrayOf(Beat(wide: kind == 5), 5)
           select new ItemSeed(kind, step, bpm, wideBpm, relative, compressed, beats);

    private static Gen<long?> Beat(bool wide)
    {
        var plausible = Gen.Choose((int)VitalCatalog.RrIntervals.Min, (int)VitalCatalog.RrIntervals.Max).Select(ms => (long?)ms);
        var invalid = Gen.Constant<long?>(null);
        var implausible = Gen.Elements<long?>(0, 1, 120, 199, 3001, 20_000, 65_534);
        return wide
            ? Gen.Frequency((8, plausible), (1, invalid), (1, implausible), (2, Gen.Elements<long?>(4_000_000_000, 1_000_000_000_000_000, 9_000_000_000_000_000_000)))
            : Gen.Frequency((8, plausible), (1, invalid), (1, implausible));
    }
}
