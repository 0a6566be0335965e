using System.Collections.Frozen;

namespace Wearables.Twins.Vitals;

/// <summary>
/// Everything the service knows about one vital: its wire code, shape, units, plausible range,
/// how many recent samples a twin keeps and how it is summarised.
/// </summary>
public sealed class VitalDefinition
{
    private readonly FrozenDictionary<string, UnitConversion> _units;
    private readonly FrozenDictionary<string, int> _categoryCodes;
    private readonly FrozenDictionary<string, int> _qualifierCodes;
    private readonly byte[] _sourceRanks;

    public VitalDefinition(
        byte id,
        string code,
        string displayName,
        VitalShape shape,
        string? canonicalUnit,
        IReadOnlyList<UnitConversion> acceptedUnits,
        double min,
        double max,
        int windowCapacity,
        VitalSummary summary = VitalSummary.Latest,
        IReadOnlyList<string>? categories = null,
        int maxSeriesLength = 0,
        string? loinc = null,
        IReadOnlyList<string>? qualifiers = null,
        IReadOnlyList<SourceKind>? sourceOrder = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowCapacity, 1);
        Type = new VitalType(id);
        Code = code;
        DisplayName = displayName;
        Shape = shape;
        CanonicalUnit = canonicalUnit;
        Min = min;
        Max = max;
        WindowCapacity = windowCapacity;
        Summary = summary;
        Categories = categories ?? [];
        MaxSeriesLength = maxSeriesLength;
        Loinc = loinc;
        AcceptedUnits = acceptedUnits;
        _units = acceptedUnits.ToFrozenDictionary(u => u.Unit, StringComparer.OrdinalIgnoreCase);
        _categoryCodes = Categories.Select((name, index) => (name, index))
            .ToFrozenDictionary(c => c.name, c => c.index, StringComparer.OrdinalIgnoreCase);
        Qualifiers = qualifiers ?? [];
        SourceOrder = sourceOrder ?? SourceOrders.Physiological;
        _sourceRanks = RankSources(SourceOrder);
        _qualifierCodes = Qualifiers.Select((name, index) => (name, index))
            .ToFrozenDictionary(c => c.name, c => c.index, StringComparer.OrdinalIgnoreCase);
    }

    public VitalType Type { get; }

    /// <summary>The snake_case name used in the envelope and the API (<c>heart_rate</c>).</summary>
    public string Code { get; }

    public string DisplayName { get; }

    public VitalShape Shape { get; }

    /// <summary>UCUM unit the service stores; null for unitless categories such as sleep stages.</summary>
    public string? CanonicalUnit { get; }

    public IReadOnlyList<UnitConversion> AcceptedUnits { get; }

    /// <summary>Lowest plausible value in the canonical unit (inclusive).</summary>
    public double Min { get; }

    /// <summary>Highest plausible value in the canonical unit (inclusive).</summary>
    public double Max { get; }

    /// <summary>How many recent samples of this vital a patient twin keeps in memory.</summary>
    public int WindowCapacity { get; }

    public VitalSummary Summary { get; }

    /// <summary>Names of the categories of a category or recording vital, indexed by value.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Most numbers one <see cref="VitalShape.Series"/> sample may carry.</summary>
    public int MaxSeriesLength { get; }

    public string? Loinc { get; }

    /// <summary>
    /// Names a sample may give in <c>context</c> (heart rate: unknown, resting, active); index 0 is the default
    /// when none is given. Empty when the vital takes no context.
    /// </summary>
    public IReadOnlyList<string> Qualifiers { get; }

    /// <summary>
    /// Which source wins when two of a patient's sources report the same measurement, best first
    /// (docs/telemetry.md, "Several sources, one patient").
    /// </summary>
    public IReadOnlyList<SourceKind> SourceOrder { get; }

    /// <summary>Position of <paramref name="kind"/> in <see cref="SourceOrder"/>: lower wins.</summary>
    public int SourceRank(SourceKind kind) => (int)kind < _sourceRanks.Length ? _sourceRanks[(int)kind] : byte.MaxValue;

    /// <summary>Whether a sample must say when it ended (intervals and recordings).</summary>
    public bool RequiresEnd => Shape is VitalShape.CategoryInterval or VitalShape.Recording;

    /// <summary>Whether a sample may say when it ended.</summary>
    public bool AcceptsEnd => Shape is VitalShape.CategoryInterval or VitalShape.Recording or VitalShape.Quantity or VitalShape.Category;

    public bool RequiresUnit => CanonicalUnit is not null;

    public bool TryGetUnit(string unit, out UnitConversion conversion)
        => _units.TryGetValue(unit, out conversion!);

    public bool TryGetCategory(string name, out int value) => _categoryCodes.TryGetValue(name, out value);

    public bool TryGetQualifier(string name, out int value) => _qualifierCodes.TryGetValue(name, out value);

    public bool IsPlausible(double canonicalValue) => canonicalValue >= Min && canonicalValue <= Max;

    public override string ToString() => Code;

    private static byte[] RankSources(IReadOnlyList<SourceKind> order)
    {
        var kinds = Enum.GetValues<SourceKind>();
        var ranks = new byte[kinds.Max(k => (int)k) + 1];
        foreach (var kind in kinds)
        {
            // Unlisted kinds rank after every listed one, and an unknown source after those.
            var position = -1;
            for (var i = 0; i < order.Count && position < 0; i++)
            {
                position = order[i] == kind ? i : -1;
            }

            ranks[(int)kind] = (byte)(position >= 0 ? position : kind == SourceKind.Unknown ? order.Count + 1 : order.Count);
        }

        return ranks;
    }
}
