using Wearables.Twins.Telemetry;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Grains.Tests;

/// <summary>Small builders for samples and batches; times are fixed so assertions can name them.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    public static VitalSample HeartRate(DateTimeOffset time, double value = 70)
        => VitalSample.Scalar(VitalCatalog.HeartRate.Type, time, value);

    public static VitalSample HeartRate(int minutesAfterT0, double value = 70) => HeartRate(T0.AddMinutes(minutesAfterT0), value);

    public static VitalSample Spo2(int minutesAfterT0, double value = 97)
        => VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, T0.AddMinutes(minutesAfterT0), value);

    public static VitalSample Steps(DateTimeOffset time, double value)
        => new(VitalCatalog.Steps.Type, time, time.AddMinutes(15), value, double.NaN, []);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static TelemetryBatch Batch(
        string deviceId, string messageId, DateTimeOffset receivedAt, DeviceInfo? device, params VitalSample[] samples)
        => new(deviceId, messageId, receivedAt, device, [.. samples]);

    public static TelemetryBatch Batch(string deviceId, params VitalSample[] samples)
        => Batch(deviceId, NewId("msg"), T0.AddHours(1), null, samples);

    /// <summary>What a record result counted, without the incarnation (which differs per activation).</summary>
    public static (int Added, int Duplicates) Counts(RecordResult result) => (result.Added, result.Duplicates);

    public static DateTimeOffset[] Times(this IEnumerable<VitalSample> samples) => [.. samples.Select(s => s.Time)];
}
