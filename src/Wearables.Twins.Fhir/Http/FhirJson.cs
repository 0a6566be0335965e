using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Hl7.Fhir.Validation;
using Wearables.Twins.Fhir.Mapping;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Wearables.Twins.Fhir.Http;

/// <summary>
/// Firely's System.Text.Json (de)serializers. Parsing is strict (unknown elements, bad codes and cardinality are
/// refused with their location) except for narrative XHTML, which the service never reads.
/// </summary>
public sealed class FhirJson
{
    private readonly FhirJsonDeserializer _deserializer = new(
        new DeserializerSettings().UsingMode(DeserializationMode.Strict, NarrativeValidationKind.None));

    private readonly BaseFhirJsonSerializer _serializer = new(ModelInfo.ModelInspector);

    public byte[] Serialize(Resource resource, bool pretty = false) => _serializer.SerializeToBytes(resource, pretty);

    public string SerializeToString(Resource resource, bool pretty = false) => _serializer.SerializeToString(resource, pretty);

    /// <summary>Parses one resource.</summary>
    /// <param name="json">UTF-8 JSON.</param>
    /// <param name="resource">The resource, possibly partial when <paramref name="issues"/> is not empty.</param>
    /// <param name="issues">What is wrong, each located by FHIRPath (<c>Bundle.entry[1].resource.status</c>).</param>
    /// <returns>False when nothing usable could be read (not JSON, not a resource).</returns>
    public bool TryDeserialize(ReadOnlySpan<byte> json, out Resource? resource, out IReadOnlyList<FhirIssue> issues)
    {
        resource = null;
        issues = [];
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (_deserializer.TryDeserializeResource(ref reader, out resource, out var problems))
            {
                return true;
            }

            issues = [.. problems.Select(ToIssue)];
            return resource is not null && resource is not DynamicResource;
        }
        catch (JsonException ex)
        {
            issues = [FhirIssue.BadRequest(IssueType.Structure, FhirReasons.InvalidResource, $"The body is not valid JSON: {ex.Message}")];
            return false;
        }
        catch (InvalidOperationException ex)
        {
            issues = [FhirIssue.BadRequest(IssueType.Structure, FhirReasons.InvalidResource, $"The body is not a FHIR resource: {ex.Message}")];
            return false;
        }
    }

    private static FhirIssue ToIssue(CodedException problem)
    {
        var path = (problem as ExtendedCodedException)?.InstancePath;
        var type = (problem as ExtendedCodedException)?.IssueType ?? IssueType.Invalid;
        return FhirIssue.BadRequest(type, FhirReasons.InvalidResource, $"{problem.ErrorCode}: {problem.Message}", path);
    }
}
