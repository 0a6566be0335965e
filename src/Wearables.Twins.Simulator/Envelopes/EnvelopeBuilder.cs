using System.Text.Json;
using Wearables.Twins.Simulator.Realism;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Envelopes;

/// <summary>
/// Turns generated samples into telemetry envelopes v1 for one device: message ids
/// <c>{deviceId}-{runTag}-{sequence}</c> (unique across runs, so the service's redelivery check does not
/// drop a second run), timestamps on the patient's wall clock, values in the device's units.
/// </summary>
public sealed class EnvelopeBuilder
{
    private readonly string _messagePrefix;
    private long _sequence;

    public EnvelopeBuilder(string deviceId, DeviceModel model, TimeSpan utcOffset, string? runTag = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(model);
        DeviceId = deviceId;
        Model = model;
        UtcOffset = utcOffset;
        _messagePrefix = string.IsNullOrEmpty(runTag) ? $"{deviceId}-" : $"{deviceId}-{runTag}-";
    }

    public string DeviceId { get; }

    public DeviceModel Model { get; }

    public TimeSpan UtcOffset { get; }

    /// <summary>Sequence number of the last envelope built (0 before the first).</summary>
    public long Sequence => _sequence;

    public TelemetryEnvelope Build(IEnumerable<GeneratedSample> samples, DateTimeOffset sentAt, double batteryPercent)
    {
        ArgumentNullException.ThrowIfNull(samples);
        _sequence++;
        return new TelemetryEnvelope
        {
            DeviceId = DeviceId,
            MessageId = string.Concat(_messagePrefix, _sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            SentAt = Rfc3339Format.Format(sentAt, UtcOffset),
            Device = new EnvelopeDevice
            {
                Vendor = Model.Vendor,
                Model = Model.Model,
                Firmware = Model.Firmware,
                Battery = batteryPercent,
            },
            Samples = [.. samples.Select(ToWire)],
        };
    }

    /// <summary>One sample as the device sends it: its wall-clock offset and its preferred unit.</summary>
    public EnvelopeSample ToWire(GeneratedSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var unit = sample.Vital == VitalCatalog.HeartRate ? Model.HeartRateUnit
            : sample.Vital == VitalCatalog.BodyTemperature ? Model.TemperatureUnit
            : sample.Unit;
        var conversion = unit is not null && unit != sample.Unit && sample.Vital.TryGetUnit(unit, out var found) ? found : null;

        double? Present(double? canonical)
            => canonical is { } value && conversion is not null
                ? Math.Round((value - conversion.Offset) / conversion.Scale, 2)
                : canonical;

        return new EnvelopeSample
        {
            Type = sample.Vital.Code,
            Time = Rfc3339Format.Format(sample.Time, UtcOffset),
            End = sample.End is { } end ? Rfc3339Format.Format(end, UtcOffset) : null,
            Value = Present(sample.Value),
            Values = sample.Values is { } values ? [.. values.Select(v => Present(v)!.Value)] : null,
            Systolic = Present(sample.Systolic),
            Diastolic = Present(sample.Diastolic),
            Stage = sample.Stage?.ToWireName(),
            Unit = conversion is not null ? unit : sample.Unit,
        };
    }

    /// <summary>UTF-8 JSON through the source-generated contract (no reflection).</summary>
    public static byte[] Serialize(TelemetryEnvelope envelope)
        => JsonSerializer.SerializeToUtf8Bytes(envelope, TelemetryJsonContext.Default.TelemetryEnvelope);
}
