using Wearables.Twins.Vitals;

namespace Wearables.Twins.Ingest.Tests.Vitals;

public sealed class VitalCatalogTests
{
    public static TheoryData<string> Codes => [.. VitalCatalog.All.Select(v => v.Code)];

    [Fact]
    public void CodesAreUnique()
    {
        var codes = VitalCatalog.All.Select(v => v.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void IdsAreUniqueAndNonZero()
    {
        var ids = VitalCatalog.All.Select(v => v.Type.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain((byte)0, ids);
    }

    [Fact]
    public void AllIsInIdOrder()
    {
        var ids = VitalCatalog.All.Select(v => v.Type.Id).ToList();

        Assert.Equal(ids.Order(), ids);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void CodeAndTypeFindTheSameDefinition(string code)
    {
        Assert.True(VitalCatalog.TryGet(code, out var byCode));
        Assert.Same(byCode, VitalCatalog.Get(byCode.Type));
        Assert.Same(byCode, byCode.Type.Definition);
        Assert.Equal(code, byCode.Type.Code);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void CanonicalUnitIsAmongTheAcceptedUnitsAndConvertsToItself(string code)
    {
        Assert.True(VitalCatalog.TryGet(code, out var vital));

        if (vital.CanonicalUnit is null)
        {
            Assert.False(vital.RequiresUnit);
            Assert.Empty(vital.AcceptedUnits);
            return;
        }

        Assert.True(vital.RequiresUnit);
        Assert.Contains(vital.CanonicalUnit, vital.AcceptedUnits.Select(u => u.Unit));
        Assert.True(vital.TryGetUnit(vital.CanonicalUnit, out var identity));
        Assert.Equal(vital.Min, identity.ToCanonical(vital.Min));
        Assert.Equal(vital.Max, identity.ToCanonical(vital.Max));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void AcceptedUnitsAreUniqueIgnoringCase(string code)
    {
        Assert.True(VitalCatalog.TryGet(code, out var vital));
        var units = vital.AcceptedUnits.Select(u => u.Unit).ToList();

        Assert.Equal(units.Count, units.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void PlausibleRangeIsNonEmptyAndWindowHoldsSamples(string code)
    {
        Assert.True(VitalCatalog.TryGet(code, out var vital));

        // A vital with a single category (a cycle start) has the one-point range [0, 0].
        Assert.True(vital.Min < vital.Max || (vital.Min == vital.Max && vital.Categories.Count == 1),
            $"{code}: Min {vital.Min} must be below Max {vital.Max}");
        Assert.True(vital.WindowCapacity > 0);
        Assert.True(vital.IsPlausible(vital.Min));
        Assert.True(vital.IsPlausible(vital.Max));
        Assert.False(vital.IsPlausible(vital.Max + 1));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void ShapeSpecificSettingsArePresent(string code)
    {
        Assert.True(VitalCatalog.TryGet(code, out var vital));

        switch (vital.Shape)
        {
            case VitalShape.Series:
                Assert.True(vital.MaxSeriesLength > 0);
                break;
            case VitalShape.CategoryInterval:
                // Category values are indexes: the plausible range must cover exactly the categories.
                Assert.NotEmpty(vital.Categories);
                Assert.Equal(0, vital.Min);
                Assert.Equal(vital.Categories.Count - 1, vital.Max);
                break;
        }
    }

    [Fact]
    public void DegreesFahrenheitConvertToCelsius()
    {
        Assert.True(VitalCatalog.BodyTemperature.TryGetUnit("[degF]", out var ucum));

        Assert.Equal(100, ucum.ToCanonical(212), 9);
        Assert.Equal(0, ucum.ToCanonical(32), 9);
        Assert.Equal(37, ucum.ToCanonical(98.6), 2);
    }

    [Fact]
    public void FahrenheitSymbolAndUcumCodeConvertAlike()
    {
        Assert.True(VitalCatalog.BodyTemperature.TryGetUnit("°F", out var symbol));
        Assert.True(VitalCatalog.BodyTemperature.TryGetUnit("[degF]", out var ucum));

        Assert.Equal(ucum.ToCanonical(98.6), symbol.ToCanonical(98.6), 9);
    }

    [Fact]
    public void CodesAreCaseSensitive()
    {
        Assert.False(VitalCatalog.TryGet("HEART_RATE", out _));
    }
}
