using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>An Observation read into the telemetry contract: whose it is, which device, and the envelope sample.</summary>
/// <param name="PatientId">From Observation.subject (Patient/{id}).</param>
/// <param name="DeviceId">From Observation.device when it is a Device/{id} reference; null otherwise.</param>
/// <param name="Vital">The vital Observation.code names.</param>
/// <param name="Time">Start of effective[x].</param>
/// <param name="End">End of the interval for vitals that keep one.</param>
/// <param name="Sample">The sample as the telemetry envelope carries it (same validation as every other door).</param>
public sealed record InboundObservation(
    string PatientId,
    string? DeviceId,
    VitalDefinition Vital,
    DateTimeOffset Time,
    DateTimeOffset? End,
    EnvelopeSample Sample);
