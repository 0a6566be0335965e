using System.Buffers;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Wearables.Twins.Ingest.Decoding;

namespace Wearables.Twins.Ingest.Tests.Decoding;

/// <summary>Builds envelope JSON by hand (so malformed payloads are as easy as valid ones) and decodes it.</summary>
internal static class Envelopes
{
    /// <summary>The service clock in every decoder test.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public const string DeviceId = "watch-01";
    public const string MessageId = "msg-0001";

    /// <summary>A heart rate an hour before <see cref="Now"/>: a neighbour that must always be accepted.</summary>
    public const string ValidHeartRate = """{"type":"heart_rate","time":"2026-11-27T11:00:00Z","value":72,"unit":"/min"}""";

    /// <summary>A second, different valid neighbour.</summary>
    public const string ValidSpo2 = """{"type":"spo2","time":"2026-11-27T11:00:00Z","value":97,"unit":"%"}""";

    public static string With(params string[] samples)
        => $$"""{"schema":"wearables.telemetry/v1","deviceId":"{{DeviceId}}","messageId":"{{MessageId}}","samples":[{{string.Join(",", samples)}}]}""";

    public static TelemetryDecoder Decoder(IngestOptions? options = null)
        => new(Options.Create(options ?? new IngestOptions()), new FakeTimeProvider(Now));

    public static DecodedEnvelope Decode(string json, IngestOptions? options = null)
        => Decoder(options).Decode(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)));

    /// <summary>A sample JSON object with the given type, time and extra members.</summary>
    public static string Sample(string type, string time, string extra)
        => $$"""{"type":"{{type}}","time":"{{time}}",{{extra}}}""";
}
