namespace Wearables.Twins.Api.Views;

/// <summary>
/// What a clinician enters for the early-warning score where wearables measure nothing (<c>PUT …/observations</c>).
/// Replaces the previous entry as a whole.
/// </summary>
/// <param name="Observations">Each a NEWS2 parameter with its value and when it was taken.</param>
/// <param name="Spo2Scale2">Score SpO2 on scale 2 (hypercapnic respiratory failure), as prescribed by a clinician.</param>
public sealed record ObservationsRequest(IReadOnlyList<ObservationEntry>? Observations, bool Spo2Scale2 = false);

/// <param name="Parameter">
/// <c>respiration_rate</c> (/min), <c>oxygen_saturation</c> (%), <c>air_or_oxygen</c> (0 air, 1 oxygen),
/// <c>systolic_blood_pressure</c> (mm[Hg]), <c>pulse</c> (/min), <c>consciousness</c> (0 alert, 1 new confusion / voice /
/// pain / unresponsive), <c>temperature</c> (Cel).
/// </param>
/// <param name="Value">In the unit the parameter names.</param>
/// <param name="Time">When it was taken (RFC 3339 with offset).</param>
public sealed record ObservationEntry(string? Parameter, double? Value, DateTimeOffset? Time);
