using System.Buffers;
using System.Text;
using Wearables.Twins.Ingest.Decoding;
using static Wearables.Twins.Ingest.Tests.Decoding.Envelopes;

namespace Wearables.Twins.Ingest.Tests.Decoding;

/// <summary>Whole-message problems: the envelope is refused before any sample is looked at.</summary>
public sealed class EnvelopeRefusalTests
{
    private static readonly string LongestId = new('a', Identifiers.MaxLength);
    private static readonly string TooLongId = new('a', Identifiers.MaxLength + 1);

    [Fact]
    public void PayloadLargerThanTheLimitIsRefused()
    {
        var options = new IngestOptions { MaxPayloadBytes = 1024 };
        var json = PadTo(With(ValidHeartRate), 1025);

        var decoded = Decode(json, options);

        AssertRefused(decoded, RejectReasons.PayloadTooLarge);
    }

    [Fact]
    public void PayloadOfExactlyTheLimitIsDecoded()
    {
        var options = new IngestOptions { MaxPayloadBytes = 1024 };
        var json = PadTo(With(ValidHeartRate), 1024);

        var decoded = Decode(json, options);

        Assert.Null(decoded.Problem);
        Assert.Single(decoded.Accepted);
    }

    [Fact]
    public void PayloadLimitCountsBytesNotCharacters()
    {
        // 'é' is two bytes in UTF-8: 600 of them in a vendor name make a 1200+ byte payload of fewer characters.
        var options = new IngestOptions { MaxPayloadBytes = 1024 };
        var json = $$"""{"deviceId":"{{DeviceId}}","messageId":"{{MessageId}}","device":{"vendor":"{{new string('é', 600)}}"},"samples":[{{ValidHeartRate}}]}""";
        Assert.True(json.Length < 1024 - 200);

        AssertRefused(Decode(json, options), RejectReasons.PayloadTooLarge);
    }

    [Theory]
    [InlineData("""{"deviceId":"watch-01","messageId":"m1","samples":[{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":7""")]
    [InlineData("""{"deviceId":"watch-01","messageId":"m1","samples":[""")]
    [InlineData("""[{"deviceId":"watch-01","messageId":"m1","samples":[]}]""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("""42""")]
    [InlineData(""""just text"""")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("""{"deviceId":"watch-01",}""")]
    [InlineData("""{"deviceId":"watch-01" /* comment */}""")]
    [InlineData("""{"deviceId":42,"messageId":"m1","samples":[]}""")]
    [InlineData("""{"deviceId":"watch-01","messageId":"m1","samples":{}}""")]
    [InlineData("""{'deviceId':'watch-01'}""")]
    public void PayloadThatIsNotAnEnvelopeObjectIsMalformedJson(string json)
    {
        AssertRefused(Decode(json), RejectReasons.MalformedJson);
    }

    [Fact]
    public void TrailingContentAfterTheEnvelopeIsMalformedJson()
    {
        var json = With(ValidHeartRate) + " " + With(ValidSpo2);

        AssertRefused(Decode(json), RejectReasons.MalformedJson);
    }

    [Fact]
    public void DeeplyNestedJsonIsMalformedJson()
    {
        var nested = new string('[', 40) + new string(']', 40);
        var json = With($$"""{"type":"heart_rate","time":"2026-11-27T10:00:00Z","value":70,"unit":"/min","extra":{{nested}}}""");

        AssertRefused(Decode(json), RejectReasons.MalformedJson);
    }

    [Fact]
    public void InvalidUtf8IsMalformedJson()
    {
        var bytes = Encoding.UTF8.GetBytes(With(ValidHeartRate)).ToList();
        var at = bytes.IndexOf((byte)'w'); // inside "watch-01"
        bytes[at] = 0xFF;

        var decoded = Decoder().Decode(new ReadOnlySequence<byte>(bytes.ToArray()));

        AssertRefused(decoded, RejectReasons.MalformedJson);
    }

    [Theory]
    [InlineData("wearables.telemetry/v2")]
    [InlineData("wearables.telemetry/V1")]
    public void UnknownSchemaIsRefused(string schema)
    {
        var json = $$"""{"schema":"{{schema}}","deviceId":"{{DeviceId}}","messageId":"{{MessageId}}","samples":[{{ValidHeartRate}}]}""";

        AssertRefused(Decode(json), RejectReasons.UnsupportedSchema);
    }

    public static TheoryData<string> BadIds => new()
    {
        "\"\"",
        "\"watch/01\"",
        "\"watch 01\"",
        "\"watch#01\"",
        "\"watch+01\"",
        "\"wätch\"",
        "\"watch\\n01\"",
        "null",
        $"\"{TooLongId}\"",
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public void InvalidDeviceIdIsRefused(string deviceIdJson)
    {
        var json = $$"""{"deviceId":{{deviceIdJson}},"messageId":"{{MessageId}}","samples":[{{ValidHeartRate}}]}""";

        AssertRefused(Decode(json), RejectReasons.InvalidDeviceId);
    }

    [Fact]
    public void MissingDeviceIdIsRefused()
    {
        var json = $$"""{"messageId":"{{MessageId}}","samples":[{{ValidHeartRate}}]}""";

        AssertRefused(Decode(json), RejectReasons.InvalidDeviceId);
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public void InvalidMessageIdIsRefusedAndNamesTheDevice(string messageIdJson)
    {
        var json = $$"""{"deviceId":"{{DeviceId}}","messageId":{{messageIdJson}},"samples":[{{ValidHeartRate}}]}""";

        var decoded = Decode(json);

        AssertRefused(decoded, RejectReasons.InvalidMessageId);
        Assert.Equal(DeviceId, decoded.DeviceId);
    }

    [Fact]
    public void MissingMessageIdIsRefused()
    {
        var json = $$"""{"deviceId":"{{DeviceId}}","samples":[{{ValidHeartRate}}]}""";

        AssertRefused(Decode(json), RejectReasons.InvalidMessageId);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("watch-01")]
    [InlineData("acme.w1:SN_0042-b")]
    public void IdsOfTheConservativeAlphabetAreAccepted(string id)
    {
        var json = $$"""{"deviceId":"{{id}}","messageId":"{{id}}","samples":[{{ValidHeartRate}}]}""";

        var decoded = Decode(json);

        Assert.Null(decoded.Problem);
        Assert.Equal(id, decoded.DeviceId);
        Assert.Equal(id, decoded.MessageId);
    }

    [Fact]
    public void IdsOfExactlyTheMaximumLengthAreAccepted()
    {
        var json = $$"""{"deviceId":"{{LongestId}}","messageId":"{{LongestId}}","samples":[{{ValidHeartRate}}]}""";

        Assert.Null(Decode(json).Problem);
    }

    [Theory]
    [InlineData("""{"deviceId":"watch-01","messageId":"m1","samples":[]}""")]
    [InlineData("""{"deviceId":"watch-01","messageId":"m1","samples":null}""")]
    [InlineData("""{"deviceId":"watch-01","messageId":"m1"}""")]
    public void EnvelopeWithoutSamplesIsRefusedAndNamesDeviceAndMessage(string json)
    {
        var decoded = Decode(json);

        AssertRefused(decoded, RejectReasons.NoSamples);
        Assert.Equal("watch-01", decoded.DeviceId);
        Assert.Equal("m1", decoded.MessageId);
    }

    [Fact]
    public void MoreSamplesThanTheLimitIsRefused()
    {
        var options = new IngestOptions { MaxSamplesPerMessage = 3 };

        var decoded = Decode(With(ValidHeartRate, ValidSpo2, ValidHeartRate, ValidSpo2), options);

        AssertRefused(decoded, RejectReasons.TooManySamples);
        Assert.Equal(MessageId, decoded.MessageId);
    }

    [Fact]
    public void ExactlyTheSampleLimitIsDecoded()
    {
        var options = new IngestOptions { MaxSamplesPerMessage = 3 };

        var decoded = Decode(With(ValidHeartRate, ValidSpo2, "42"), options);

        Assert.Null(decoded.Problem);
        Assert.Equal(3, decoded.Verdicts.Length);
    }

    [Fact]
    public void DefaultSampleLimitRefusesOneThousandAndOne()
    {
        var samples = Enumerable.Range(0, 1001)
            .Select(i => Sample("heart_rate", Now.AddSeconds(-i - 1).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture), "\"value\":70,\"unit\":\"/min\""))
            .ToArray();

        AssertRefused(Decode(With(samples)), RejectReasons.TooManySamples);
        var thousand = Decode(With(samples[..1000]));
        Assert.Null(thousand.Problem);
        Assert.Equal(1000, thousand.Accepted.Length);
    }

    private static void AssertRefused(DecodedEnvelope decoded, string reason)
    {
        Assert.NotNull(decoded.Problem);
        Assert.Equal(reason, decoded.Problem.Reason);
        Assert.False(string.IsNullOrWhiteSpace(decoded.Problem.Detail));
        Assert.Empty(decoded.Accepted);
        Assert.Empty(decoded.Verdicts);
    }

    /// <summary>Pads a JSON object with trailing whitespace (still valid JSON) to an exact UTF-8 size.</summary>
    private static string PadTo(string json, int bytes)
    {
        var size = Encoding.UTF8.GetByteCount(json);
        Assert.True(size <= bytes);
        return json + new string(' ', bytes - size);
    }
}
