namespace Wearables.Twins.Import.Vendors;

/// <summary>
/// Reasons the vendor importers give beyond <see cref="ImportReasons"/>. Stable snake_case codes: reports count
/// records by reason, and a person reads the detail sentence next to it for the place in the file.
/// </summary>
public static class VendorImportReasons
{
    /// <summary>
    /// The record is the device's "nothing measured" placeholder (Gadgetbridge heart rate 0 or 255, a HiTrack
    /// heart rate of 0, a Zepp night with no sleep), not a reading.
    /// </summary>
    public const string NoMeasurement = "no_measurement";

    /// <summary>
    /// The value is outside the vital's plausible range (the same code and range the service uses), caught here so
    /// the report can say where in the file it is.
    /// </summary>
    public const string ImplausibleValue = "implausible_value";

    /// <summary>
    /// An aggregate over a period (Open mHealth <c>descriptive_statistic</c>: a day's minimum heart rate, an average
    /// of daily steps): not a measurement, so it would distort the twin's recent values and daily totals.
    /// </summary>
    public const string SummaryStatistic = "summary_statistic";

    /// <summary>
    /// A coarser total (Fitbit hourly or daily steps) for a period the same upload also covers with finer data;
    /// importing both would count the steps twice.
    /// </summary>
    public const string SupersededByFinerData = "superseded_by_finer_data";

    /// <summary>
    /// A multi-participant research export (Fitabase <c>*_merged.csv</c>) holds several people: only the first
    /// participant's rows are imported into the patient, the others are refused rather than mixed in.
    /// </summary>
    public const string OtherParticipant = "other_participant";
}
