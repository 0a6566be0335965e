using System.Globalization;
using Wearables.Twins.Simulator.Envelopes;
using Wearables.Twins.Simulator.Realism;

namespace Wearables.Twins.Simulator.Fleet;

/// <summary>One wearable of the fleet: its id, its patient and the patient's physiology.</summary>
public sealed record SimulatedDevice(int Number, string DeviceId, string PatientId, PatientProfile Profile, DeviceModel Model)
{
    /// <summary>Device <paramref name="number"/> (from 1) of a fleet: <c>{prefix}0001</c> worn by <c>{patientPrefix}0001</c>.</summary>
    public static SimulatedDevice Create(int number, int seed, string devicePrefix, string patientPrefix)
    {
        var suffix = number.ToString("D4", CultureInfo.InvariantCulture);
        return new SimulatedDevice(number, devicePrefix + suffix, patientPrefix + suffix,
            PatientProfile.Create(seed, number), DeviceModel.ForDevice(number));
    }

    public string Topic => $"wearables/{DeviceId}/telemetry";
}
