using System.Collections.Immutable;

namespace Wearables.Twins.CareTeams.Views;

/// <summary>The patients a care team follows.</summary>
public sealed record CareTeamPatientsView(string TeamId, ImmutableArray<string> Patients);
