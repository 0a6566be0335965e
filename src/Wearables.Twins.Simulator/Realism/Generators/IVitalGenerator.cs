using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism.Generators;

/// <summary>
/// Produces the samples of one vital for one patient as simulated time advances. Calls must move forward:
/// each call emits what became due since the previous one, so consecutive calls never repeat a sample.
/// </summary>
public interface IVitalGenerator
{
    VitalDefinition Vital { get; }

    /// <summary>
    /// Adds to <paramref name="output"/> every instantaneous sample with a time before <paramref name="until"/>
    /// and every interval that ended at or before it, in increasing time order.
    /// </summary>
    void GenerateUntil(DateTimeOffset until, ICollection<GeneratedSample> output);
}
