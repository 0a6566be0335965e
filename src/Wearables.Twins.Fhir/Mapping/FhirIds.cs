using Wearables.Twins.Ingest.Decoding;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>
/// FHIR ids are 1–64 of <c>A–Z a–z 0–9 - .</c>; twin ids may be longer and may hold <c>_</c> and <c>:</c>.
/// Only twins whose id is both are shown over FHIR, and references are parsed here.
/// </summary>
public static class FhirIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A valid FHIR id that is also a valid twin (grain) id.</summary>
    public static bool IsTwinId(string? id) => IsValid(id) && Identifiers.IsValid(id);

    /// <summary>
    /// Reads the id out of a literal reference to <paramref name="resourceType"/>: <c>Patient/42</c>,
    /// <c>https://host/fhir/Patient/42</c> or <c>Patient/42/_history/3</c>.
    /// </summary>
    /// <returns>False when the reference is empty, names another type, or the id is not a twin id.</returns>
    public static bool TryParseReference(string? reference, string resourceType, out string id)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        id = string.Empty;
        if (Split(reference) is not { } parts || !string.Equals(parts.Type, resourceType, StringComparison.Ordinal))
        {
            return false;
        }

        id = parts.Id;
        return IsTwinId(id);
    }

    /// <summary>The resource type a literal reference names (<c>Patient</c> for <c>Patient/42</c>), or null.</summary>
    public static string? ReferencedType(string? reference) => Split(reference)?.Type;

    private static (string Type, string Id)? Split(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.StartsWith('#'))
        {
            return null;
        }

        var path = reference.Trim();
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            path = path[..cut];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 4 && segments[^2] == "_history")
        {
            segments = segments[..^2];
        }

        return segments.Length >= 2 ? (segments[^2], segments[^1]) : null;
    }
}
