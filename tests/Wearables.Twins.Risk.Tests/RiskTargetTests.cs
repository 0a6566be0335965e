using Wearables.Twins.Risk.Evaluation.Afdb;
using Wearables.Twins.Risk.Evaluation.News2;
using Wearables.Twins.Risk.Evaluation.Synthetic;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.Rhythm;

namespace Wearables.Twins.Risk.Tests;

/// <summary>AFDB windows are judged once for every test in the class.</summary>
public sealed class AfdbFixture
{
    public AfdbEvaluation Evaluation { get; } = AfdbEvaluation.LoadAll();
}

/// <summary>The targets of issue 5, guarded in CI (docs/risk-evaluation.md has the full report).</summary>
public class RiskTargetTests(AfdbFixture afdb) : IClassFixture<AfdbFixture>
{
    [Fact]
    public void Irregular_rhythm_reaches_95_percent_sensitivity_and_specificity_per_window_on_AFDB()
    {
        var result = afdb.Evaluation.Score(RhythmAnalyzerOptions.Default.CosenThreshold);
        Assert.Equal(19, afdb.Evaluation.Records.Count);
        Assert.True(result.Total > 5000, $"only {result.Total} scored windows");
        Assert.True(result.Sensitivity >= 0.95, $"sensitivity {result.Sensitivity:P1}");
        Assert.True(result.Specificity >= 0.95, $"specificity {result.Specificity:P1}");
    }

    [Fact]
    public void The_threshold_tuned_on_half_the_records_holds_on_the_other_half()
    {
        var even = afdb.Evaluation.Records.Where((_, i) => i % 2 == 0).ToHashSet();
        foreach (var (tuneOn, testOn) in new (Func<string, bool>, Func<string, bool>)[] { (even.Contains, r => !even.Contains(r)), (r => !even.Contains(r), even.Contains) })
        {
            var held = afdb.Evaluation.Score(afdb.Evaluation.Tune(tuneOn), testOn);
            Assert.True(held.Sensitivity >= 0.95 && held.Specificity >= 0.95, $"hold-out {held.Sensitivity:P1}/{held.Specificity:P1}");
        }
    }

    [Fact]
    public void Every_NEWS2_chart_boundary_is_correct()
        => Assert.Equal(News2ChartBoundaries.All.Count, News2ChartBoundaries.CountCorrect());

    [Fact]
    public void Healthy_patients_get_at_most_one_false_alert_per_patient_month()
    {
        var healthy = SyntheticEvaluation.Run(ScenarioKind.Healthy, patients: 16, seed: 7);
        Assert.True(healthy.FalseAlertsPerPatientMonth <= 1, $"{healthy.FalseAlertsPerPatientMonth:0.00} false alerts per patient-month: {string.Join(", ", healthy.FalseAlertsByKind)}");
    }

    [Fact]
    public void A_rising_resting_heart_rate_is_flagged_before_symptom_onset_in_most_infections()
    {
        var infection = SyntheticEvaluation.Run(ScenarioKind.Infection, patients: 8, seed: 7);
        Assert.True(infection.Sensitivity >= 0.75, $"sensitivity {infection.Sensitivity:P0}");
        Assert.True(infection.MedianLeadHours > 0, $"median lead {infection.MedianLeadHours:0} h");
    }

    [Theory]
    [InlineData(ScenarioKind.AtrialFibrillation, FindingKind.IrregularRhythm)]
    [InlineData(ScenarioKind.Hypoxemia, FindingKind.Hypoxemia)]
    [InlineData(ScenarioKind.Fever, FindingKind.Fever)]
    public void Labelled_events_open_their_finding(ScenarioKind scenario, FindingKind expected)
    {
        var result = SyntheticEvaluation.Run(scenario, patients: 6, seed: 11);
        Assert.Equal(expected, result.Target);
        Assert.True(result.Sensitivity >= 0.8, $"{scenario}: sensitivity {result.Sensitivity:P0}");
    }
}
