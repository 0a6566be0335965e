namespace Wearables.Twins.Cli.Api;

// The CLI's own copies of the service's response shapes (src/Wearables.Twins.Api/Views): the CLI must not load
// ASP.NET Core or Orleans to read JSON, and a copy that tolerates missing fields survives service versions.

/// <summary>Mirrors <c>Wearables.Twins.Api.Views.PatientView</c>.</summary>
internal sealed record PatientView(
    string PatientId,
    IReadOnlyList<string>? Wearables,
    DateTimeOffset? LastUpdate,
    long Samples,
    IReadOnlyDictionary<string, LatestVitalView>? Vitals);

/// <summary>Mirrors <c>Wearables.Twins.Api.Views.LatestVitalView</c>.</summary>
internal sealed record LatestVitalView(VitalSampleView Latest, long Count, double? DayTotal);
