namespace Wearables.Twins.Recommendations;

/// <summary>
/// The kinds the risk engine emits today. A kind is an open set of snake_case codes (a new detector adds a
/// code without a contract change); these constants keep producers and consumers spelling them alike.
/// </summary>
public static class RecommendationKinds
{
    public const string IrregularRhythm = "irregular_rhythm";
    public const string News2 = "news2";
    public const string Fever = "fever";
    public const string Hypoxemia = "hypoxemia";
    public const string RestingHeartRateElevation = "resting_hr_elevation";
    public const string Hypertension = "hypertension";
    public const string Bradycardia = "bradycardia";
    public const string Tachycardia = "tachycardia";
}
