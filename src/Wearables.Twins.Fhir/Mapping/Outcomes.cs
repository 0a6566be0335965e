using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>OperationOutcomes with the stable reason as a coding next to the sentence.</summary>
public static class Outcomes
{
    public static OperationOutcome From(FhirIssue issue) => From([issue]);

    public static OperationOutcome From(IEnumerable<FhirIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var outcome = new OperationOutcome();
        foreach (var issue in issues)
        {
            outcome.Issue.Add(Issue(OperationOutcome.IssueSeverity.Error, issue));
        }

        return outcome;
    }

    public static OperationOutcome Warning(FhirIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var outcome = new OperationOutcome();
        outcome.Issue.Add(Issue(OperationOutcome.IssueSeverity.Warning, issue));
        return outcome;
    }

    public static OperationOutcome Information(string reason, string text)
    {
        var outcome = new OperationOutcome();
        outcome.Issue.Add(Issue(OperationOutcome.IssueSeverity.Information,
            new FhirIssue(200, OperationOutcome.IssueType.Informational, reason, text)));
        return outcome;
    }

    /// <summary>The stable reason of an OperationOutcome's first issue (tests and clients branch on it).</summary>
    public static string? ReasonOf(OperationOutcome outcome)
        => outcome?.Issue.FirstOrDefault()?.Details?.Coding.FirstOrDefault(c => c.System == FhirSystems.RejectReason)?.Code;

    private static OperationOutcome.IssueComponent Issue(OperationOutcome.IssueSeverity severity, FhirIssue issue)
    {
        var component = new OperationOutcome.IssueComponent
        {
            Severity = severity,
            Code = issue.Type,
            Details = new CodeableConcept(FhirSystems.RejectReason, issue.Reason, issue.Reason, issue.Text),
            Diagnostics = $"{issue.Type.GetLiteral()}: {issue.Reason}",
        };
        if (issue.Expression is not null)
        {
            component.Expression = [issue.Expression];
        }

        return component;
    }
}
