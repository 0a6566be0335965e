using Wearables.Twins.Fhir.Mapping;

namespace Wearables.Twins.Fhir.Tests.Mapping;

public sealed class FhirTimeTests
{
    [Theory]
    [InlineData("2024", "2024-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00", FhirTime.Precision.Year)]
    [InlineData("2024-02", "2024-02-01T00:00:00+00:00", "2024-03-01T00:00:00+00:00", FhirTime.Precision.Month)]
    [InlineData("2024-02-29", "2024-02-29T00:00:00+00:00", "2024-03-01T00:00:00+00:00", FhirTime.Precision.Day)]
    [InlineData("2024-02-29T10:00:00+05:30", "2024-02-29T10:00:00+05:30", "2024-02-29T10:00:01+05:30", FhirTime.Precision.Second)]
    [InlineData("2024-02-29T10:00:00.25Z", "2024-02-29T10:00:00.25+00:00", "2024-02-29T10:00:00.26+00:00", FhirTime.Precision.Second)]
    public void Parses_the_range_its_precision_implies(string text, string start, string end, FhirTime.Precision precision)
    {
        Assert.True(FhirTime.TryParse(text, out var from, out var to, out var actual));

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), from);
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture).Offset, from.Offset);
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), to);
        Assert.Equal(precision, actual);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-02-29T10:00:00")]
    [InlineData("2024-02-29T10:00")]
    [InlineData("2024-13")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Refuses_what_is_not_a_FHIR_dateTime_with_an_offset(string text)
        => Assert.False(FhirTime.TryParse(text, out _, out _, out _));

    [Fact]
    public void Keeps_fractions_beyond_ticks_truncated()
    {
        Assert.True(FhirTime.TryParse("2024-02-29T10:00:00.123456789-03:00", out var time, out _, out _));

        Assert.Equal(new DateTimeOffset(2024, 2, 29, 10, 0, 0, TimeSpan.FromHours(-3)).AddTicks(1_234_567), time);
    }

    [Fact]
    public void Formats_with_the_offset_and_only_the_fraction_there_is()
    {
        Assert.Equal("2024-02-29T10:00:00Z", FhirTime.Format(new DateTimeOffset(2024, 2, 29, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2024-02-29T10:00:00.5-03:00", FhirTime.Format(new DateTimeOffset(2024, 2, 29, 10, 0, 0, 500, TimeSpan.FromHours(-3))));
        Assert.Equal("2024-02-29T10:00:00+00:00", FhirTime.ToRfc3339(new DateTimeOffset(2024, 2, 29, 10, 0, 0, TimeSpan.Zero)));
    }
}
