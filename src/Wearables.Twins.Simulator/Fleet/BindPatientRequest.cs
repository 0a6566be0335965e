using System.Text.Json.Serialization;

namespace Wearables.Twins.Simulator.Fleet;

/// <summary>Body of <c>PUT /api/v1/wearables/{deviceId}/patient</c>.</summary>
public sealed record BindPatientRequest([property: JsonPropertyName("patientId")] string PatientId);
