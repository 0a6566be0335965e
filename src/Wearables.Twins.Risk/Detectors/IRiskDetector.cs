using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>One screening rule: pure, cheap, stateless; looks at the input and says what it sees.</summary>
public interface IRiskDetector
{
    FindingKind Kind { get; }

    RiskSignal Evaluate(RiskInput input);
}
