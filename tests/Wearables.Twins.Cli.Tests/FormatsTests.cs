using Wearables.Twins.Api.Views;
using Wearables.Twins.Cli.Output;

namespace Wearables.Twins.Cli.Tests;

public sealed class FormatsTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 10, 8, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Readings_follow_the_fields_the_shape_sets()
    {
        Assert.Equal("72 /min", Formats.Reading(Sample(value: 72, unit: "/min")));
        Assert.Equal("72 /min (resting)", Formats.Reading(Sample(value: 72, unit: "/min", context: "resting")));
        Assert.Equal("72 /min", Formats.Reading(Sample(value: 72, unit: "/min", context: "unknown")));
        Assert.Equal("121/79 mm[Hg]", Formats.Reading(Sample(systolic: 121, diastolic: 79, unit: "mm[Hg]")));
        Assert.Equal("800, 810, 790, 805, … (5 values) ms", Formats.Reading(Sample(values: [800, 810, 790, 805, 820], unit: "ms")));
        Assert.Equal("deep", Formats.Reading(Sample(stage: "deep")));
        Assert.Equal("heavy", Formats.Reading(Sample(category: "heavy")));
        Assert.Equal("sinus_rhythm (3 values)", Formats.Reading(Sample(category: "sinus_rhythm", values: [1, 2, 3], unit: "uV")));
    }

    [Fact]
    public void Times_keep_their_offset_and_drop_zero_fractions()
    {
        Assert.Equal("2026-01-10T08:00:00+01:00", Formats.Time(At));
        Assert.Equal("2026-01-10T08:00:00.25+01:00", Formats.Time(At.AddMilliseconds(250)));
        Assert.Equal("2026-01-10T07:00:00+00:00", Formats.Time(At.ToUniversalTime()));
    }

    [Theory]
    [InlineData("2026-01-10T08:00:00Z", true)]
    [InlineData("2026-01-10T08:00:00.123+05:30", true)]
    [InlineData("2026-01-10T08:00:00", false)]
    [InlineData("2026-01-10 08:00:00Z", false)]
    [InlineData("10/01/2026 08:00 +01:00", false)]
    public void Rfc3339_needs_an_offset(string text, bool valid) => Assert.Equal(valid, Rfc3339Text.IsValid(text));

    private static VitalSampleView Sample(
        double? value = null, double? systolic = null, double? diastolic = null, IReadOnlyList<double>? values = null,
        string? stage = null, string? unit = null, string? category = null, string? context = null)
        => new("x", At, null, value, systolic, diastolic, values, stage, category, context, unit);
}
