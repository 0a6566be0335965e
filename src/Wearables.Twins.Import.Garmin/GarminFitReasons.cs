namespace Wearables.Twins.Import.Garmin;

/// <summary>
/// Reasons the Garmin importer gives besides the shared <see cref="ImportReasons"/>. A damaged or cut file
/// is reported once, as one rejection, and the records decoded before the damage was found still count.
/// </summary>
public static class GarminFitReasons
{
    /// <summary>
    /// The file's CRC (or its header's) does not match its bytes: something was changed in transit or on disk.
    /// The records already decoded are kept; a damaged byte may have altered one of their values.
    /// </summary>
    public const string CrcMismatch = "crc_mismatch";

    /// <summary>The file ends before the data size its header announces (an interrupted copy or upload).</summary>
    public const string TruncatedFile = "truncated_file";

    /// <summary>
    /// A beat-to-beat interval outside the plausible range of <c>rr_intervals</c> (an artefact of the strap).
    /// It is left out of its series rather than letting validation refuse its 255 neighbours; same code as
    /// the ingest validator's.
    /// </summary>
    public const string ImplausibleValue = "implausible_value";
}
