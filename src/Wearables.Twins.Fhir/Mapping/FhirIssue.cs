using Hl7.Fhir.Model;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>Why a request or an entry was not accepted: the HTTP status, the FHIR issue type, a stable reason and a sentence.</summary>
/// <param name="Status">HTTP status of the answer (400, 404, 409, 503, …).</param>
/// <param name="Type">FHIR issue type.</param>
/// <param name="Reason">Stable machine-readable reason (code in <see cref="FhirSystems.RejectReason"/>).</param>
/// <param name="Text">What is wrong and what to do, for a developer.</param>
/// <param name="Expression">FHIRPath of the offending element, when there is one.</param>
public sealed record FhirIssue(int Status, OperationOutcome.IssueType Type, string Reason, string Text, string? Expression = null)
{
    public static FhirIssue BadRequest(OperationOutcome.IssueType type, string reason, string text, string? expression = null)
        => new(400, type, reason, text, expression);

    /// <summary>The same issue located inside a Bundle entry (<c>Observation.status</c> → <c>Bundle.entry[2].resource.status</c>).</summary>
    public FhirIssue InEntry(int index)
    {
        var prefix = $"Bundle.entry[{index}]";
        string located = Expression switch
        {
            null => prefix,
            _ when Expression.StartsWith("Observation", StringComparison.Ordinal) => prefix + ".resource" + Expression["Observation".Length..],
            _ when Expression.StartsWith("Bundle.entry[", StringComparison.Ordinal) => Expression,
            _ => prefix + "." + Expression,
        };
        return this with { Expression = located };
    }
}

/// <summary>Reasons the FHIR facade adds to the ingest pipeline's (which it passes through unchanged).</summary>
public static class FhirReasons
{
    public const string InvalidResource = "invalid_resource";
    public const string UnsupportedResource = "unsupported_resource";
    public const string UnsupportedStatus = "unsupported_status";
    public const string MissingSubject = "missing_subject";
    public const string InvalidSubject = "invalid_subject";
    public const string UnknownCode = "unknown_code";
    public const string MissingEffective = "missing_effective";
    public const string InvalidEffective = "invalid_effective";
    public const string MissingValue = "missing_value";
    public const string UnsupportedValue = "unsupported_value";
    public const string NonUcumUnit = "non_ucum_unit";
    public const string DeviceConflict = "device_conflict";
    public const string InvalidRequest = "invalid_request";
    public const string InvalidSearch = "invalid_search";
    public const string NotFound = "not_found";
    public const string NotSupported = "not_supported";
    public const string Unavailable = "unavailable";
    public const string TooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string NotAcceptable = "not_acceptable";
    public const string Internal = "internal_error";
}
