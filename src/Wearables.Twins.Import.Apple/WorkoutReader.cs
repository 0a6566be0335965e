namespace Wearables.Twins.Import.Apple;

/// <summary>
/// Reports the elements that are not vitals, one rejection each, from their start tag alone; the caller skips
/// their content (workout events, routes with thousands of locations) without keeping it.
/// </summary>
internal static class WorkoutReader
{
    /// <summary>
    /// A workout is a session, not a measurement. Its totals (distance, energy) are sums of the
    /// DistanceWalkingRunning and ActiveEnergyBurned records the export also holds, which are imported: taking the
    /// totals too would count them twice.
    /// </summary>
    public static ImportRecord Read(XmlCursor cursor)
    {
        var reader = cursor.Reader;
        var activity = reader.GetAttribute("workoutActivityType") ?? "(no activity type)";
        return ImportRecord.Rejected(ImportReasons.UnsupportedRecordType,
            $"Line {cursor.Line}: workout {activity} ({reader.GetAttribute("startDate")} – {reader.GetAttribute("endDate")}) is not a vital; "
            + "its distance and energy totals repeat the quantity records, which are imported.",
            AppleValues.NormalizeSource(reader.GetAttribute("sourceName")));
    }

    /// <summary>ActivitySummary, ClinicalRecord, Audiogram, VisionPrescription and whatever Apple adds next.</summary>
    public static ImportRecord ReadOther(XmlCursor cursor)
    {
        var reader = cursor.Reader;
        var type = reader.GetAttribute("type") is { } typed ? $" {typed}" : string.Empty;
        return ImportRecord.Rejected(ImportReasons.UnsupportedRecordType,
            $"Line {cursor.Line}: <{reader.LocalName}>{type} has no counterpart in the vitals catalogue.",
            AppleValues.NormalizeSource(reader.GetAttribute("sourceName")));
    }
}
