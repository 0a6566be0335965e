using Wearables.Twins.Api.Views;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.News2;

namespace Wearables.Twins.Api.Streaming;

/// <summary>
/// One patient as a care team's dashboard shows them: the latest key vitals, the last NEWS2, the overall risk level
/// and the active findings (screening signals, not diagnoses).
/// </summary>
/// <param name="PatientId">The patient.</param>
/// <param name="LastUpdate">When the twin last received a sample; null before the first.</param>
/// <param name="Vitals">The newest reading of each key vital the twin holds, keyed by vital code.</param>
/// <param name="RiskLevel">The highest level of the active findings.</param>
/// <param name="News2">The last NEWS2, when one could be scored.</param>
/// <param name="Findings">The active findings, most severe first.</param>
public sealed record CareTeamTile(
    string PatientId,
    DateTimeOffset? LastUpdate,
    IReadOnlyDictionary<string, VitalSampleView> Vitals,
    RiskLevel RiskLevel,
    TileNews2? News2,
    IReadOnlyList<TileFinding> Findings);

/// <summary>A NEWS2 score on a tile; <paramref name="Partial"/> when parameters were missing (the band is then a floor).</summary>
public sealed record TileNews2(int Score, News2Band Band, bool Partial);

/// <summary>An active finding on a tile.</summary>
public sealed record TileFinding(string Id, FindingKind Kind, RiskLevel Level, string Summary, DateTimeOffset Since);
