namespace Wearables.Twins.Ingest.Decoding;

/// <summary>
/// Stable machine-readable reasons. Phone apps branch on these, so they never change meaning;
/// the human-readable detail next to them may.
/// </summary>
public static class RejectReasons
{
    // Whole-message problems.
    public const string PayloadTooLarge = "payload_too_large";
    public const string MalformedJson = "malformed_json";
    public const string UnsupportedSchema = "unsupported_schema";
    public const string InvalidDeviceId = "invalid_device_id";
    public const string InvalidMessageId = "invalid_message_id";
    public const string NoSamples = "no_samples";
    public const string TooManySamples = "too_many_samples";
    public const string DeviceMismatch = "device_mismatch";

    // Per-sample problems.
    public const string MalformedSample = "malformed_sample";
    public const string UnknownType = "unknown_type";
    public const string MissingUnit = "missing_unit";
    public const string WrongUnit = "wrong_unit";
    public const string MissingValue = "missing_value";
    public const string ImplausibleValue = "implausible_value";
    public const string InvalidTimestamp = "invalid_timestamp";
    public const string FutureTimestamp = "future_timestamp";
    public const string TooOld = "too_old";
    public const string InvalidInterval = "invalid_interval";
    public const string SeriesTooLong = "series_too_long";
    public const string UnknownCategory = "unknown_category";
    public const string UnknownContext = "unknown_context";
    public const string UnknownSource = "unknown_source";
}
