using System.Text.Json.Nodes;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>
/// One element of a generated <c>samples</c> array and what the decoder must make of it: accepted as
/// <see cref="Expected"/>, rejected with <see cref="ExpectedReason"/>, or reported as a duplicate of an earlier one.
/// A class, not a record: a duplicate refers to its original by identity.
/// </summary>
internal sealed class SampleCase
{
    private SampleCase(JsonNode? json, VitalDefinition? vital, VitalSample? expected, string? expectedReason, SampleCase? duplicateOf, string? corruption)
    {
        Json = json;
        Vital = vital;
        Expected = expected;
        ExpectedReason = expectedReason;
        DuplicateOf = duplicateOf;
        Corruption = corruption;
    }

    /// <summary>The element as sent; null is a JSON null.</summary>
    public JsonNode? Json { get; }

    public VitalDefinition? Vital { get; }

    /// <summary>The canonical sample the decoder must produce when this element is valid.</summary>
    public VitalSample? Expected { get; }

    /// <summary>The reject reason the decoder must give; null when the element is valid or a duplicate.</summary>
    public string? ExpectedReason { get; }

    /// <summary>The earlier sample this one repeats (same vital, instant, end and source).</summary>
    public SampleCase? DuplicateOf { get; }

    /// <summary>What was done to a valid sample, for the counter-example's description.</summary>
    public string? Corruption { get; }

    public bool IsIntact => ExpectedReason is null && DuplicateOf is null && Expected is not null;

    public static SampleCase Valid(JsonObject json, VitalDefinition vital, VitalSample expected)
        => new(json, vital, expected, null, null, null);

    public SampleCase Rejected(JsonNode? json, string reason, string corruption)
        => new(json, Vital, null, reason, null, corruption);

    public SampleCase RepeatedAs(JsonNode json)
        => new(json, Vital, null, null, this, "duplicate");

    public override string ToString()
        => $"{Json?.ToJsonString() ?? "null"}{(Corruption is null ? string.Empty : $"  <- {Corruption}: expect {ExpectedReason ?? "duplicate"}")}";
}
