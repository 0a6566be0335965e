using Wearables.Twins.Api.Views;
using Wearables.Twins.Grains;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.Grains;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Api.Streaming;

/// <summary>
/// Reads a patient's tile from their twin: the vitals side and the risk side (one activation, two read-only calls).
/// A <see cref="TileStamp"/> tells cheaply whether anything a tile shows may have changed, so a stream builds and
/// sends a tile only then.
/// </summary>
internal static class PatientTileReader
{
    /// <summary>The vitals a tile shows; the patient page has the rest.</summary>
    private static readonly VitalType[] KeyVitals =
    [
        VitalCatalog.HeartRate.Type,
        VitalCatalog.OxygenSaturation.Type,
        VitalCatalog.RespiratoryRate.Type,
        VitalCatalog.BodyTemperature.Type,
        VitalCatalog.BloodPressure.Type,
    ];

    public static async ValueTask<PatientReading> ReadAsync(IGrainFactory grains, string patientId)
    {
        var status = grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        var risk = grains.GetGrain<IPatientRiskGrain>(patientId).GetRiskAsync();
        return new PatientReading(patientId, await status, await risk);
    }

    public static CareTeamTile ToTile(PatientReading reading)
    {
        var vitals = new Dictionary<string, VitalSampleView>(StringComparer.Ordinal);
        foreach (var latest in reading.Status?.Latest ?? [])
        {
            if (Array.IndexOf(KeyVitals, latest.Sample.Type) >= 0)
            {
                vitals[latest.Sample.Type.Code] = VitalSampleView.From(latest.Sample);
            }
        }

        var risk = reading.Risk;
        var findings = risk.Findings
            .Where(f => f.Status == FindingStatus.Open)
            .OrderByDescending(f => f.Level)
            .ThenBy(f => f.Since)
            .Select(f => new TileFinding(f.Id, f.Kind, f.Level, f.Summary, f.Since))
            .ToList();
        var news2 = risk.News2 is { } score ? new TileNews2(score.Aggregate, score.Band, score.IsPartial) : null;
        return new CareTeamTile(reading.PatientId, reading.Status?.LastUpdate, vitals, risk.OverallLevel, news2, findings);
    }
}

/// <summary>What one poll read of a patient.</summary>
internal sealed record PatientReading(string PatientId, PatientStatus? Status, RiskStatus Risk)
{
    public TileStamp Stamp => new(Status?.Samples ?? -1, Status?.LastUpdate, Risk.EvaluatedAt, Risk.OverallLevel, Risk.Findings.IsDefault ? 0 : Risk.Findings.Length);
}

/// <summary>
/// Changes whenever a tile may change: a new sample (count and time), a new risk evaluation (its time, level and
/// finding count). Compared by value, so no hashing and no false "unchanged".
/// </summary>
internal readonly record struct TileStamp(long Samples, DateTimeOffset? LastUpdate, DateTimeOffset? EvaluatedAt, RiskLevel Level, int Findings);
