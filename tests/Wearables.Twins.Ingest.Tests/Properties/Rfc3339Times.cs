using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>A timestamp as written in an envelope and the value the decoder must read from it.</summary>
internal sealed record GeneratedTime(string Text, DateTimeOffset Value);

/// <summary>
/// RFC 3339 timestamps in every shape the RFC allows and .NET can hold: any offset up to ±14:00 (Z, z, +00:00,
/// -00:00 for UTC), 't' or 'T', no fraction or 1–9 fraction digits. DateTimeOffset keeps 100 ns, so digits past the
/// seventh are dropped. Leap seconds (:60) are left out: no .NET type can hold them.
/// </summary>
internal static class Rfc3339Times
{
    private static readonly int[] CommonOffsetMinutes = [0, 60, 120, -180, -300, 330, 345, 525, -210, 840, -720];

    /// <summary>An instant between <paramref name="earliest"/> and <paramref name="latest"/>, written in a random style.</summary>
    public static Gen<GeneratedTime> Between(DateTimeOffset earliest, DateTimeOffset latest)
        => from ticks in Gens.LongBetween(earliest.UtcTicks, latest.UtcTicks)
           from offsetMinutes in Gen.Frequency(
               (3, Gen.Constant(0)), (3, Gen.Elements(CommonOffsetMinutes)), (2, Gen.Choose(-14 * 60, 14 * 60)))
           from fractionDigits in Gen.Frequency((3, Gen.Constant(0)), (4, Gen.Choose(1, 7)), (1, Gen.Choose(8, 9)))
           from extraDigits in Gen.Choose(0, 99)
           from lowerT in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
           from utcStyle in Gen.Choose(0, 3)
           select Write(new DateTimeOffset(ticks, TimeSpan.Zero), offsetMinutes, fractionDigits, extraDigits, lowerT, utcStyle);

    /// <summary>The same instant written with another offset, as a device in another zone would.</summary>
    public static Gen<string> SameInstantElsewhere(DateTimeOffset value)
        => Gen.Choose(-14 * 60, 14 * 60).Where(minutes => minutes != (int)value.Offset.TotalMinutes)
            .Select(minutes => Exact(value.ToOffset(TimeSpan.FromMinutes(minutes))));

    /// <summary>Every tick of <paramref name="value"/>, with its own offset.</summary>
    public static string Exact(DateTimeOffset value)
        => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    private static GeneratedTime Write(DateTimeOffset instant, int offsetMinutes, int fractionDigits, int extraDigits, bool lowerT, int utcStyle)
    {
        var local = instant.ToOffset(TimeSpan.FromMinutes(offsetMinutes));
        var wholeSecond = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond));
        var fraction = (local.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture);
        var keptDigits = Math.Min(fractionDigits, 7);
        var keptTicks = keptDigits == 0 ? 0 : long.Parse(fraction[..keptDigits].PadRight(7, '0'), CultureInfo.InvariantCulture);
        var fractionText = fractionDigits switch
        {
            0 => string.Empty,
            <= 7 => "." + fraction[..fractionDigits],
            _ => "." + fraction + extraDigits.ToString("00", CultureInfo.InvariantCulture)[..(fractionDigits - 7)],
        };

        var offsetText = offsetMinutes == 0
            ? utcStyle switch { 0 => "Z", 1 => "z", 2 => "+00:00", _ => "-00:00" }
            : local.ToString("zzz", CultureInfo.InvariantCulture);
        var text = wholeSecond.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (lowerT ? "t" : "T")
            + wholeSecond.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + fractionText + offsetText;
        return new GeneratedTime(text, wholeSecond.AddTicks(keptTicks));
    }
}
