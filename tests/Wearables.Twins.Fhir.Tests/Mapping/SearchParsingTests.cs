using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Fhir.Search;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir.Tests.Mapping;

public sealed class SearchParsingTests
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ge2026-11-27T10:00:00Z", true)]
    [InlineData("gt2026-11-27T10:00:00Z", false)]
    [InlineData("le2026-11-27T10:00:00Z", true)]
    [InlineData("lt2026-11-27T10:00:00Z", false)]
    [InlineData("2026-11-27T10:00:00Z", true)]
    [InlineData("eq2026-11-27", true)]
    [InlineData("ne2026-11-27", false)]
    [InlineData("sa2026-11-26", true)]
    [InlineData("eb2026-11-28", true)]
    [InlineData("ge2026-11-27T11:00:00 01:00", true)]
    public void Date_prefixes_follow_FHIR_range_semantics(string text, bool matches)
    {
        Assert.True(DateFilter.TryParse(text, out var filter, out var problem), problem);

        Assert.Equal(matches, filter.Matches(VitalSample.Scalar(VitalCatalog.HeartRate.Type, Ten, 60)));
    }

    [Fact]
    public void An_interval_matches_ge_when_it_ends_after_the_bound()
    {
        Assert.True(DateFilter.TryParse("ge2026-11-27T10:00:30Z", out var filter, out _));
        var steps = new VitalSample(VitalCatalog.Steps.Type, Ten, Ten.AddMinutes(1), 90, double.NaN, []);

        Assert.True(filter.Matches(steps));
        Assert.Equal((DateTimeOffset.MinValue, DateTimeOffset.MaxValue), filter.StartRange(instantsOnly: false));
        Assert.Equal((Ten.AddSeconds(30), DateTimeOffset.MaxValue), filter.StartRange(instantsOnly: true));
    }

    [Theory]
    [InlineData("ap2026-11-27")]
    [InlineData("ge2026-11-27T10:00:00")]
    [InlineData("tomorrow")]
    public void Unsupported_dates_are_refused(string text) => Assert.False(DateFilter.TryParse(text, out _, out _));

    [Fact]
    public void A_search_reads_patient_codes_dates_and_paging()
    {
        var query = Parse(new()
        {
            ["patient"] = "Patient/p1",
            ["code"] = new StringValues(["http://loinc.org|8867-4,spo2", "nope"]),
            ["date"] = new StringValues(["ge2026-11-01", "le2026-11-30"]),
            ["_count"] = "10",
            ["_page"] = "2",
            ["unknown"] = "ignored",
        });

        Assert.Equal("p1", query.PatientId);
        Assert.Equal(["heart_rate", "spo2"], query.Vitals.Select(v => v.Code));
        Assert.Equal(["nope"], query.UnknownCodes);
        Assert.Equal(2, query.Dates.Count);
        Assert.Equal((10, 2), (query.Count, query.Page));
        Assert.Equal(
            "?patient=p1&code=http%3A%2F%2Floinc.org%7C8867-4,spo2,nope&date=ge2026-11-01&date=le2026-11-30&_count=10&_page=3",
            query.ToQueryString(3));
    }

    [Fact]
    public void Without_a_code_every_vital_is_searched_and_count_is_capped()
    {
        var query = Parse(new() { ["patient"] = "p1", ["_count"] = "100000" });

        Assert.Equal(VitalCatalog.All.Count, query.Vitals.Count);
        Assert.Equal(ObservationQuery.MaxCount, query.Count);
        Assert.Equal(1, query.Page);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("p1,p2", null, null)]
    [InlineData("Group/1", null, null)]
    [InlineData("p1", "-1", null)]
    [InlineData("p1", "ten", null)]
    [InlineData("p1", null, "0")]
    public void Invalid_searches_are_refused(string? patient, string? count, string? page)
    {
        var values = new Dictionary<string, StringValues>();
        if (patient is not null)
        {
            values["patient"] = patient;
        }

        if (count is not null)
        {
            values["_count"] = count;
        }

        if (page is not null)
        {
            values["_page"] = page;
        }

        Assert.False(ObservationQuery.TryParse(new QueryCollection(values), strict: false, out _, out var issue));
        Assert.Equal(FhirReasons.InvalidSearch, issue.Reason);
    }

    [Fact]
    public void Strict_handling_refuses_unknown_parameters()
    {
        var values = new Dictionary<string, StringValues> { ["patient"] = "p1", ["_sort"] = "date" };

        Assert.True(ObservationQuery.TryParse(new QueryCollection(values), strict: false, out _, out _));
        Assert.False(ObservationQuery.TryParse(new QueryCollection(values), strict: true, out _, out var issue));
        Assert.Contains("_sort", issue.Text, StringComparison.Ordinal);
    }

    private static ObservationQuery Parse(Dictionary<string, StringValues> values)
    {
        Assert.True(ObservationQuery.TryParse(new QueryCollection(values), strict: false, out var query, out var issue), issue?.Text);
        return query;
    }
}
