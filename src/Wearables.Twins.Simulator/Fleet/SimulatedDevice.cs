using System.Globalization;
using Wearables.Twins.Simulator.Envelopes;
using Wearables.Twins.Simulator.Realism;

namespace Wearables.Twins.Simulator.Fleet;

/// <summary>One wearable of the fleet: its id, its patient and the patient's physiology.</summary>
public sealed record SimulatedDevice(int Number, string DeviceId, string PatientId, PatientProfile Profile, DeviceModel Model)
{
    /// <summary>Device <paramref name="number"/> (from 1) of a fleet: <c>{prefix}0001</c> worn by <c>{patientPrefix}0001</c>.</summary>
    public static SimulatedDevice Create(int number, int seed, string devicePrefix, string patientPrefix)
        => new(number, IdFor(devicePrefix, number), IdFor(patientPrefix, number), PatientProfile.Create(seed, number), DeviceModel.ForDevice(number));

    /// <summary>The id of device (or patient) <paramref name="number"/>: the prefix and a 4-digit number.</summary>
    public static string IdFor(string prefix, int number) => prefix + number.ToString("D4", CultureInfo.InvariantCulture);

    public string Topic => $"wearables/{DeviceId}/telemetry";
}
