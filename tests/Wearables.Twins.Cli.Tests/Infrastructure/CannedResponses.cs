namespace Wearables.Twins.Cli.Tests.Infrastructure;

/// <summary>
/// Bodies shaped exactly as Wearables.Twins.Api writes them (camelCase, nulls left out, times with their offset):
/// see src/Wearables.Twins.Api/Views.
/// </summary>
public static class CannedResponses
{
    public const string PatientId = "p-1";
    public const string WearableId = "w-1";

    public const string Patient = """
        {"patientId":"p-1","wearables":["w-1"],"lastUpdate":"2026-01-10T08:05:00+01:00","samples":42,"vitals":{"steps":{"latest":{"type":"steps","time":"2026-01-10T07:00:00+01:00","end":"2026-01-10T08:00:00+01:00","value":812,"unit":"{steps}"},"count":9,"dayTotal":5321},"heart_rate":{"latest":{"type":"heart_rate","time":"2026-01-10T08:05:00+01:00","value":72,"unit":"/min"},"count":30},"blood_pressure":{"latest":{"type":"blood_pressure","time":"2026-01-10T07:30:00+01:00","systolic":121,"diastolic":79,"unit":"mm[Hg]"},"count":3}}}
        """;

    public const string Wearable = """
        {"wearableId":"w-1","patientId":"p-1","vendor":"Acme","model":"Pulse 2","firmware":"1.4.0","batteryPercent":87,"firstSeen":"2026-01-09T10:00:00+01:00","lastSeen":"2026-01-10T08:05:00+01:00","messages":12,"samples":42,"duplicates":1,"pendingSamples":0,"pendingDropped":0,"samplesByVital":{"heart_rate":30,"steps":9,"blood_pressure":3}}
        """;

    /// <summary>The series for <c>GET /api/v1/patients/p-1/vitals</c>, echoing the query's type and bounds.</summary>
    public static string Vitals(string type, string? from, string? to)
    {
        var bounds = (from is null ? "" : $",\"from\":\"{from}\"") + (to is null ? "" : $",\"to\":\"{to}\"");
        return $$"""
            {"patientId":"p-1","type":"{{type}}","unit":"/min"{{bounds}},"count":2,"samples":[{"type":"{{type}}","time":"2026-01-10T08:00:00+01:00","value":70,"unit":"/min"},{"type":"{{type}}","time":"2026-01-10T08:01:00+01:00","value":74.5,"unit":"/min"}]}
            """;
    }

    /// <summary>The wearable after <c>PUT …/patient</c>: the service answers with the wearable view, now bound.</summary>
    public static string BoundWearable(string wearableId, string patientId) => $$$"""
        {"wearableId":"{{{wearableId}}}","patientId":"{{{patientId}}}","messages":0,"samples":0,"duplicates":0,"pendingSamples":0,"pendingDropped":0,"samplesByVital":{}}
        """;
}
