using Wearables.Twins.Campaigns.Definitions;

namespace Wearables.Twins.Campaigns.Cohorts;

/// <summary>
/// Turns a cohort rule into the set of patients it selects: every history condition in one lake query, every
/// open-finding condition from the projection, then the all/any tree as set intersections and unions.
/// </summary>
public sealed class CohortEvaluator(LakeCohortQuery lake, OpenFindingsCohort findings)
{
    public async Task<HashSet<string>> EvaluateAsync(CohortRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var vitalRules = new List<VitalDaysRule>();
        var findingRules = new List<OpenFindingRule>();
        Collect(rule, vitalRules, findingRules);

        var leaves = new Dictionary<CohortRule, HashSet<string>>(ReferenceEqualityComparer.Instance);
        var vitalResults = await lake.EvaluateAsync(vitalRules, now, cancellationToken);
        for (var i = 0; i < vitalRules.Count; i++)
        {
            leaves[vitalRules[i]] = vitalResults[i];
        }

        foreach (var findingRule in findingRules)
        {
            leaves[findingRule] = await findings.EvaluateAsync(findingRule);
        }

        return Combine(rule, leaves);
    }

    private static void Collect(CohortRule rule, List<VitalDaysRule> vitals, List<OpenFindingRule> findings)
    {
        switch (rule)
        {
            case AllOfRule all:
                foreach (var child in all.Rules)
                {
                    Collect(child, vitals, findings);
                }

                break;
            case AnyOfRule any:
                foreach (var child in any.Rules)
                {
                    Collect(child, vitals, findings);
                }

                break;
            case VitalDaysRule vital:
                vitals.Add(vital);
                break;
            case OpenFindingRule finding:
                findings.Add(finding);
                break;
            default:
                throw new ArgumentException($"Unknown rule {rule.GetType().Name}.", nameof(rule));
        }
    }

    private static HashSet<string> Combine(CohortRule rule, Dictionary<CohortRule, HashSet<string>> leaves)
    {
        switch (rule)
        {
            case AllOfRule all:
                var intersection = new HashSet<string>(Combine(all.Rules[0], leaves), StringComparer.Ordinal);
                foreach (var child in all.Rules.Skip(1))
                {
                    intersection.IntersectWith(Combine(child, leaves));
                }

                return intersection;
            case AnyOfRule any:
                var union = new HashSet<string>(StringComparer.Ordinal);
                foreach (var child in any.Rules)
                {
                    union.UnionWith(Combine(child, leaves));
                }

                return union;
            default:
                return leaves[rule];
        }
    }
}
