using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Vitals;
using static Wearables.Twins.Ingest.Tests.Decoding.Envelopes;

namespace Wearables.Twins.Ingest.Tests.Decoding;

/// <summary>Which kind of device measured a sample: the envelope's <c>device.kind</c>, or the sample's own <c>source</c>.</summary>
public sealed class SourceDecodingTests
{
    private static string Relayed(string deviceKind, params string[] samples)
        => $$"""{"deviceId":"{{DeviceId}}","messageId":"{{MessageId}}","device":{"kind":"{{deviceKind}}"},"samples":[{{string.Join(",", samples)}}]}""";

    [Fact]
    public void SamplesTakeTheDevicesKindUnlessTheyNameTheirOwn()
    {
        var decoded = Decode(Relayed("phone",
            """{"type":"steps","time":"2026-11-27T10:00:00Z","end":"2026-11-27T10:15:00Z","value":900,"unit":"{steps}"}""",
            """{"type":"steps","time":"2026-11-27T10:00:00Z","end":"2026-11-27T10:15:00Z","value":850,"unit":"{steps}","source":"watch"}"""));

        Assert.Null(decoded.Problem);
        Assert.Equal([SourceKind.Phone, SourceKind.Watch], decoded.Accepted.Select(s => s.Source));
    }

    [Fact]
    public void TheSameSourceRepeatingAMeasurementInOneMessageIsADuplicate()
    {
        var decoded = Decode(With(ValidHeartRate, ValidHeartRate));

        Assert.Single(decoded.Accepted);
        Assert.Equal(SampleStatus.Duplicate, decoded.Verdicts[1].Status);
    }

    [Fact]
    public void WithoutAKindTheSourceIsUnknown()
    {
        Assert.Equal(SourceKind.Unknown, Assert.Single(Decode(With(ValidHeartRate)).Accepted).Source);
    }

    [Fact]
    public void AnUnknownDeviceKindRefusesTheEnvelopeNamingTheKinds()
    {
        var decoded = Decode(Relayed("smartwatch", ValidHeartRate));

        Assert.Equal(RejectReasons.UnknownSource, decoded.Problem?.Reason);
        Assert.Contains("bp_monitor", decoded.Problem?.Detail, StringComparison.Ordinal);
    }
}
