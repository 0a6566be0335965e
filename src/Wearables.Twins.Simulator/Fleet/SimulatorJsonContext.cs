using System.Text.Json.Serialization;

namespace Wearables.Twins.Simulator.Fleet;

/// <summary>Source-generated JSON for the simulator's own HTTP calls.</summary>
[JsonSerializable(typeof(BindPatientRequest))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
