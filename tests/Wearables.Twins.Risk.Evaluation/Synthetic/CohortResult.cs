using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Risk.Evaluation.Synthetic;

/// <summary>Alert quality of one scenario cohort.</summary>
public sealed record CohortResult(
    ScenarioKind Kind,
    int Patients,
    FindingKind? Target,
    int Detected,
    IReadOnlyList<double> LeadHours,
    int TrueAlerts,
    int FalseAlerts,
    IReadOnlyDictionary<FindingKind, int> FalseAlertsByKind,
    double PatientMonths)
{
    public double Sensitivity => Patients == 0 || Target is null ? double.NaN : Detected / (double)Patients;

    public double FalseAlertsPerPatientMonth => PatientMonths == 0 ? double.NaN : FalseAlerts / PatientMonths;

    public double MedianLeadHours => LeadHours.Count == 0 ? double.NaN : LeadHours.Order().ElementAt(LeadHours.Count / 2);
}
