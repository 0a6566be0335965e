using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Security.Access;
using Wearables.Twins.Security.Audit;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Wearables.Twins.Fhir.Http;

/// <summary>
/// The REST API's patient-access rule applied to FHIR: every read and write names its patients, each is checked and
/// audited, and a refusal is a 403 OperationOutcome that says nothing about whether the record exists.
/// </summary>
internal static class FhirAccess
{
    public const string Forbidden = "forbidden";

    /// <summary>Null when the caller may touch every patient in <paramref name="patientIds"/>; else the refusal. Audits either way.</summary>
    public static async Task<FhirResult?> CheckAsync(HttpContext http, params IReadOnlyList<string> patientIds)
    {
        var caller = Caller.From(http.User)!;
        var access = http.RequestServices.GetRequiredService<PatientAccess>();
        foreach (var patientId in patientIds.Distinct(StringComparer.Ordinal))
        {
            var decision = await access.CheckAsync(caller, patientId);
            if (!decision.IsAllowed)
            {
                await AuditRecorder.RecordAsync(http, caller, patientId, null, StatusCodes.Status403Forbidden, decision.Reason);
                return FhirResult.Error(new FhirIssue(StatusCodes.Status403Forbidden, IssueType.Forbidden, Forbidden, decision.Detail!));
            }
        }

        foreach (var patientId in patientIds.Distinct(StringComparer.Ordinal))
        {
            await AuditRecorder.RecordAsync(http, caller, patientId, null, StatusCodes.Status200OK, null);
        }

        return null;
    }

    /// <summary>The patients a Bundle's Observation entries name (<c>subject: Patient/{id}</c>); malformed ones are left to validation.</summary>
    public static IReadOnlyList<string> PatientsOf(Bundle bundle)
        => [.. bundle.Entry
            .Select(e => (e.Resource as Observation)?.Subject?.Reference)
            .OfType<string>()
            .Where(r => r.StartsWith("Patient/", StringComparison.Ordinal))
            .Select(r => r["Patient/".Length..])
            .Where(FhirIds.IsTwinId)
            .Distinct(StringComparer.Ordinal)];
}
