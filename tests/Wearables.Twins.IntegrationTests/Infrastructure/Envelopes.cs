using System.Globalization;
using System.Text.Json;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>Builds telemetry envelopes the way a phone app would.</summary>
internal static class Envelopes
{
    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static EnvelopeSample HeartRate(DateTimeOffset time, double bpm)
        => new() { Type = "heart_rate", Time = Time(time), Value = bpm, Unit = "/min" };

    public static EnvelopeSample SpO2(DateTimeOffset time, double percent)
        => new() { Type = "spo2", Time = Time(time), Value = percent, Unit = "%" };

    public static EnvelopeSample BloodPressure(DateTimeOffset time, double systolic, double diastolic)
        => new() { Type = "blood_pressure", Time = Time(time), Systolic = systolic, Diastolic = diastolic, Unit = "mmHg" };

    public static byte[] Json(string deviceId, string messageId, params EnvelopeSample[] samples)
    {
        var envelope = new TelemetryEnvelope
        {
            DeviceId = deviceId,
            MessageId = messageId,
            Device = new EnvelopeDevice { Vendor = "Acme", Model = "Band 3", Firmware = "1.2.3", Battery = 81 },
            Samples = samples,
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope, TelemetryJsonContext.Default.TelemetryEnvelope);
    }
}
