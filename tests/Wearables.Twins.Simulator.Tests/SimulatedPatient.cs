using Wearables.Twins.Simulator.Realism;

namespace Wearables.Twins.Simulator.Tests;

/// <summary>Runs a seeded patient through simulated time the way a device does, batch by batch.</summary>
internal static class SimulatedPatient
{
    public const int Seed = 20_240_229;

    /// <summary>A fixed start on a whole minute, well in the past.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static (PatientSimulation Simulation, List<(GeneratedSample Sample, DateTimeOffset SimulatedNow)> Samples) Run(
        int patientNumber, TimeSpan span, TimeSpan batch)
    {
        var simulation = new PatientSimulation(PatientProfile.Create(Seed, patientNumber), Start);
        var samples = new List<(GeneratedSample, DateTimeOffset)>();
        for (var now = Start + batch; now <= Start + span; now += batch)
        {
            samples.AddRange(simulation.AdvanceTo(now).Select(s => (s, now)));
        }

        return (simulation, samples);
    }

    public static List<GeneratedSample> Run48Hours(int patientNumber)
        => [.. Run(patientNumber, TimeSpan.FromHours(48), TimeSpan.FromMinutes(5)).Samples.Select(s => s.Sample)];
}
