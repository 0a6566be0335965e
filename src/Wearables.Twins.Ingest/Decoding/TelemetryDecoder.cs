using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Wearables.Twins.Telemetry;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Ingest.Decoding;

/// <summary>
/// Decodes and validates one envelope v1. Whole-message problems refuse the message; a bad sample is
/// refused alone with its reason and its neighbours are kept.
/// </summary>
public sealed class TelemetryDecoder
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private readonly IngestOptions _options;
    private readonly TimeProvider _time;
    private readonly SampleNormalizer _normalizer;

    public TelemetryDecoder(IOptions<IngestOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _normalizer = new SampleNormalizer(_options);
    }

    public DecodedEnvelope Decode(ReadOnlySequence<byte> payload)
    {
        if (payload.Length > _options.MaxPayloadBytes)
        {
            return DecodedEnvelope.Refused(RejectReasons.PayloadTooLarge,
                $"The envelope is {payload.Length} bytes; at most {_options.MaxPayloadBytes} are accepted. Split the batch.");
        }

        RawTelemetryEnvelope? raw;
        try
        {
            var reader = new Utf8JsonReader(payload, ReaderOptions);
            raw = JsonSerializer.Deserialize(ref reader, TelemetryJsonContext.Default.RawTelemetryEnvelope);

            // One payload, one envelope: anything after it would otherwise be dropped without a word.
            if (reader.Read())
            {
                return DecodedEnvelope.Refused(RejectReasons.MalformedJson,
                    $"Unexpected content after the envelope at byte {reader.TokenStartIndex}; send one envelope per message.");
            }
        }
        catch (JsonException ex)
        {
            return DecodedEnvelope.Refused(RejectReasons.MalformedJson, DescribeJsonError(ex));
        }

        return raw is null
            ? DecodedEnvelope.Refused(RejectReasons.MalformedJson, "The payload is JSON null; an envelope object is expected.")
            : DecodeEnvelope(raw);
    }

    /// <summary>Validates an envelope built in process (imports, FHIR) by the same rules as one read from the wire.</summary>
    public DecodedEnvelope Decode(TelemetryEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return DecodeEnvelope(envelope.Schema, envelope.DeviceId, envelope.MessageId, envelope.Device, envelope.Samples,
            (sample, now, index, source, accepted) => sample is null
                ? SampleVerdict.Reject(index, RejectReasons.MalformedSample, $"Sample {index} is empty.")
                : NormalizeSample(sample, now, index, source, accepted));
    }

    private DecodedEnvelope DecodeEnvelope(RawTelemetryEnvelope raw)
        => DecodeEnvelope(raw.Schema, raw.DeviceId, raw.MessageId, raw.Device, raw.Samples, DecodeSample);

    private DecodedEnvelope DecodeEnvelope<T>(
        string? schema, string? deviceId, string? messageId, EnvelopeDevice? device, IList<T>? samples,
        Func<T, DateTimeOffset, int, SourceKind, ImmutableArray<VitalSample>.Builder, SampleVerdict> decodeSample)
    {
        if (schema is not null && schema != TelemetryEnvelope.SchemaV1)
        {
            return DecodedEnvelope.Refused(RejectReasons.UnsupportedSchema,
                $"Schema '{schema}' is not supported; send \"{TelemetryEnvelope.SchemaV1}\" or omit it.");
        }

        if (!Identifiers.IsValid(deviceId))
        {
            return DecodedEnvelope.Refused(RejectReasons.InvalidDeviceId,
                $"\"deviceId\" must be 1–{Identifiers.MaxLength} characters of letters, digits, '.', '_', ':' or '-'.");
        }

        if (!Identifiers.IsValid(messageId))
        {
            return DecodedEnvelope.Refused(RejectReasons.InvalidMessageId,
                $"\"messageId\" must be 1–{Identifiers.MaxLength} characters of letters, digits, '.', '_', ':' or '-'; redeliveries reuse it.",
                deviceId);
        }

        if (samples is null || samples.Count == 0)
        {
            return DecodedEnvelope.Refused(RejectReasons.NoSamples, "\"samples\" must be a non-empty array.", deviceId, messageId);
        }

        if (samples.Count > _options.MaxSamplesPerMessage)
        {
            return DecodedEnvelope.Refused(RejectReasons.TooManySamples,
                $"The envelope carries {samples.Count} samples; at most {_options.MaxSamplesPerMessage} per message.",
                deviceId, messageId);
        }

        var source = SourceKind.Unknown;
        if (device?.Kind is { } kind && !SourceKinds.TryParse(kind, out source))
        {
            return DecodedEnvelope.Refused(RejectReasons.UnknownSource,
                $"\"device.kind\" '{kind}' is not one of: {string.Join(", ", SourceKinds.All)}.", deviceId, messageId);
        }

        var now = _time.GetUtcNow();
        var accepted = ImmutableArray.CreateBuilder<VitalSample>(samples.Count);
        var verdicts = ImmutableArray.CreateBuilder<SampleVerdict>(samples.Count);
        for (var index = 0; index < samples.Count; index++)
        {
            verdicts.Add(decodeSample(samples[index], now, index, source, accepted));
        }

        return new DecodedEnvelope(null, deviceId, messageId, ToDeviceInfo(device),
            accepted.DrainToImmutable(), verdicts.MoveToImmutable());
    }

    private SampleVerdict DecodeSample(
        JsonElement element, DateTimeOffset now, int index, SourceKind source, ImmutableArray<VitalSample>.Builder accepted)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return SampleVerdict.Reject(index, RejectReasons.MalformedSample, $"Sample {index} is a JSON {element.ValueKind}, not an object.");
        }

        EnvelopeSample? wire;
        try
        {
            wire = element.Deserialize(TelemetryJsonContext.Default.EnvelopeSample);
        }
        catch (JsonException ex)
        {
            return SampleVerdict.Reject(index, RejectReasons.MalformedSample, DescribeJsonError(ex));
        }

        return wire is null
            ? SampleVerdict.Reject(index, RejectReasons.MalformedSample, $"Sample {index} is empty.")
            : NormalizeSample(wire, now, index, source, accepted);
    }

    private SampleVerdict NormalizeSample(
        EnvelopeSample wire, DateTimeOffset now, int index, SourceKind deviceSource, ImmutableArray<VitalSample>.Builder accepted)
    {
        if (!_normalizer.TryNormalize(wire, now, index, deviceSource, out var sample, out var rejection))
        {
            return rejection;
        }

        foreach (var earlier in accepted)
        {
            // Two sources' reports of one measurement are both kept here; the twin's merge policy picks one.
            if (earlier.IsSameMeasurement(sample) && earlier.Source == sample.Source)
            {
                return new SampleVerdict(index, SampleStatus.Duplicate);
            }
        }

        accepted.Add(sample);
        return new SampleVerdict(index, SampleStatus.Accepted);
    }

    private static DeviceInfo? ToDeviceInfo(EnvelopeDevice? device)
        => device is null
            ? null
            : new DeviceInfo(Trim(device.Vendor), Trim(device.Model), Trim(device.Firmware),
                device.Battery is >= 0 and <= 100 ? device.Battery : null);

    private static string? Trim(string? text)
        => string.IsNullOrWhiteSpace(text) ? null : text.Length <= 64 ? text.Trim() : text[..64].Trim();

    /// <summary>
    /// Where the JSON breaks and why, without the bytes there: System.Text.Json quotes them ('tart","value":72…' is an
    /// invalid JSON literal), which would echo the device's readings into reason strings, and how much it quotes
    /// depends on how the transport happened to split the payload.
    /// </summary>
    private static string DescribeJsonError(JsonException ex)
    {
        var path = ex.Path is { Length: > 0 } p ? $" at {p}" : string.Empty;
        var position = ex.LineNumber is { } line && ex.BytePositionInLine is { } column
            ? FormattableString.Invariant($" (line {line + 1}, byte {column + 1})")
            : string.Empty;
        return $"Invalid JSON{path}{position}: {WithoutQuotedBytes(FirstSentence(ex.Message))}";
    }

    private static string FirstSentence(string message)
    {
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        var line = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var cut = path < 0 ? line : line < 0 ? path : Math.Min(path, line);
        return cut > 0 ? message[..cut] : message;
    }

    private static string WithoutQuotedBytes(string message)
    {
        var close = message.StartsWith('\'') ? message.IndexOf("' ", 1, StringComparison.Ordinal) : -1;
        return close > 0 ? "the token there" + message[(close + 1)..] : message;
    }
}
