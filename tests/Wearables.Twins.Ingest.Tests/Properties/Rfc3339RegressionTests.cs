using Wearables.Twins.Ingest.Decoding;
using static Wearables.Twins.Ingest.Tests.Decoding.Envelopes;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>The timestamps the properties found mishandled, pinned as examples (RFC 3339, section 5.6).</summary>
public sealed class Rfc3339RegressionTests
{
    [Theory]
    [InlineData("2025-04-25T17:47:44.872071887+00:00", "2025-04-25T17:47:44.8720718+00:00")]
    [InlineData("2026-11-27T10:00:00.123456789Z", "2026-11-27T10:00:00.1234567+00:00")]
    [InlineData("2026-11-27T10:00:00.12345678+03:30", "2026-11-27T10:00:00.1234567+03:30")]
    [InlineData("2026-11-27t10:00:00z", "2026-11-27T10:00:00.0000000+00:00")]
    [InlineData("2026-11-27T10:00:00.5-00:00", "2026-11-27T10:00:00.5000000+00:00")]
    public void Nanosecond_fractions_and_lower_case_letters_are_rfc_3339_and_accepted(string time, string expected)
    {
        var decoded = Decode(With(Sample("heart_rate", time, "\"value\":70,\"unit\":\"/min\"")));

        var sample = Assert.Single(decoded.Accepted);
        Assert.Equal(expected, Rfc3339Times.Exact(sample.Time));
    }

    [Theory]
    [InlineData("2026-11-27T10:00:00.Z")]
    [InlineData("2026-11-27T10:00:00.+01:00")]
    public void A_fraction_dot_without_digits_is_an_invalid_timestamp(string time)
    {
        var decoded = Decode(With(Sample("heart_rate", time, "\"value\":70,\"unit\":\"/min\"")));

        Assert.Equal(RejectReasons.InvalidTimestamp, Assert.Single(decoded.Verdicts).Reason);
    }
}
