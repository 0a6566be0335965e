using System.Diagnostics.Metrics;

namespace Wearables.Twins.Ingest.Pipeline;

/// <summary>Counters ops dashboards need: what came in, what was refused and why, and how long acks take.</summary>
public sealed class IngestMetrics
{
    public const string MeterName = "Wearables.Twins.Ingest";

    private readonly Counter<long> _messages;
    private readonly Counter<long> _samplesAccepted;
    private readonly Counter<long> _samplesRejected;
    private readonly Counter<long> _messagesRefused;
    private readonly Histogram<double> _durableMilliseconds;
    private readonly Counter<long> _impersonations;
    private readonly Counter<long> _certificatesRefused;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _messages = meter.CreateCounter<long>("twins.ingest.messages", description: "Envelopes received.");
        _samplesAccepted = meter.CreateCounter<long>("twins.ingest.samples.accepted", description: "Samples made durable.");
        _samplesRejected = meter.CreateCounter<long>("twins.ingest.samples.rejected", description: "Samples rejected, by reason.");
        _messagesRefused = meter.CreateCounter<long>("twins.ingest.messages.refused", description: "Envelopes refused whole, by reason.");
        _durableMilliseconds = meter.CreateHistogram<double>("twins.ingest.durable.duration", "ms", "Time to make an envelope durable.");
        _impersonations = meter.CreateCounter<long>("twins.ingest.impersonations.denied",
            description: "Publishes refused because a device tried to publish as another device, by transport.");
        _certificatesRefused = meter.CreateCounter<long>("twins.ingest.certificates.refused",
            description: "Device client certificates refused, by transport and reason.");
    }

    public void Received(string transport) => _messages.Add(1, new KeyValuePair<string, object?>("transport", transport));

    public void Accepted(int samples) => _samplesAccepted.Add(samples);

    public void Rejected(string reason) => _samplesRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Refused(string reason) => _messagesRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void ImpersonationDenied(string transport) => _impersonations.Add(1, new KeyValuePair<string, object?>("transport", transport));

    public void CertificateRefused(string transport, string reason)
        => _certificatesRefused.Add(1, new KeyValuePair<string, object?>("transport", transport), new KeyValuePair<string, object?>("reason", reason));

    public void Durable(TimeSpan elapsed) => _durableMilliseconds.Record(elapsed.TotalMilliseconds);
}
