namespace Wearables.Twins.Import;

/// <summary>Reasons an importer gives for records it does not turn into samples (validation adds its own).</summary>
public static class ImportReasons
{
    /// <summary>A record type the vitals catalogue has no place for (e.g. Apple's dietary water).</summary>
    public const string UnsupportedRecordType = "unsupported_record_type";

    /// <summary>The record is present but cannot be parsed (bad number, bad date, missing field).</summary>
    public const string UnreadableRecord = "unreadable_record";

    /// <summary>A unit the importer does not know how to map.</summary>
    public const string UnsupportedUnit = "unsupported_unit";
}
