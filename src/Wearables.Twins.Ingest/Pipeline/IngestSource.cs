namespace Wearables.Twins.Ingest.Pipeline;

/// <summary>Which door an envelope came through and which device that door vouches for.</summary>
/// <param name="Transport">"mqtt" or "http", for metrics and logs.</param>
/// <param name="DeviceId">
/// The device the transport identified (the MQTT topic's device, later a certificate's CN); the envelope
/// must name the same device. Null when the transport vouches for nobody.
/// </param>
public readonly record struct IngestSource(string Transport, string? DeviceId);
