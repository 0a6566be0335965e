using System.Globalization;
using System.Text.Json;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>
/// One atrial-fibrillation episode as a watch sends it (the same signal as the end-to-end test): six 2-minute
/// tachograms whose RR intervals vary ±20 % around ~700 ms, irregularly irregular, in one telemetry envelope.
/// </summary>
internal static class AfEpisode
{
    private const int Windows = 6;

    public static byte[] Envelope(string deviceId, string messageId, DateTimeOffset end, Random random)
    {
        var start = end.AddMinutes(-2 * (Windows + 1));
        var envelope = new TelemetryEnvelope
        {
            DeviceId = deviceId,
            MessageId = messageId,
            Device = new EnvelopeDevice { Vendor = "Acme", Model = "Band 3", Firmware = "1.2.3", Battery = 81 },
            Samples = [.. Enumerable.Range(0, Windows).Select(i => Tachogram(start.AddMinutes(2 * i), random))],
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope, TelemetryJsonContext.Default.TelemetryEnvelope);
    }

    private static EnvelopeSample Tachogram(DateTimeOffset time, Random random)
    {
        var intervals = new List<double>(256);
        var elapsed = 0.0;
        while (elapsed < 115_000 && intervals.Count < 256)
        {
            // Box–Muller normal: no two neighbouring beats alike.
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var interval = Math.Round(Math.Clamp(700 * (1 + (0.2 * normal)), 300, 1500));
            intervals.Add(interval);
            elapsed += interval;
        }

        return new EnvelopeSample
        {
            Type = "rr_intervals",
            Time = time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            Values = intervals,
            Unit = "ms",
        };
    }
}
