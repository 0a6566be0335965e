namespace Wearables.Twins.Import;

/// <summary>What an importer needs to know beyond the file itself.</summary>
public sealed record ImportContext
{
    /// <summary>
    /// Time zone for timestamps that carry no offset (Fitbit CSV, some Xiaomi exports): each local time gets the
    /// offset in force in this zone at that moment, so daylight-saving changes are honoured.
    /// </summary>
    public TimeZoneInfo LocalTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The file's name as uploaded, for format detection and messages.</summary>
    public string FileName { get; init; } = string.Empty;

    /// <summary>Column mapping for the generic CSV importer; null for other formats.</summary>
    public CsvColumnMapping? CsvMapping { get; init; }
}
