using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Mapping;

namespace Wearables.Twins.Fhir.Storage;

/// <summary>What became of one Observation create.</summary>
/// <param name="Status">201 (new), 200 (the twin already held it), or the failure's status.</param>
/// <param name="Id">The stored Observation's id (success only).</param>
/// <param name="Resource">The Observation as the twin now holds it, when it is in the recent window.</param>
/// <param name="Issue">Why it failed (failure only).</param>
/// <param name="Note">Something the client should know about a success (e.g. older than the recent window).</param>
internal sealed record StoreResult(int Status, string? Id, Observation? Resource, FhirIssue? Issue, string? Note = null)
{
    public bool Succeeded => Issue is null;

    public static StoreResult Failed(FhirIssue issue) => new(issue.Status, null, null, issue);
}
