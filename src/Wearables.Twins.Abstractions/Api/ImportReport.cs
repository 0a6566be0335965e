namespace Wearables.Twins.Api.Views;

/// <summary>
/// What an import did: records read, samples imported, duplicates, and rejections grouped by reason with a few
/// examples each, so a person can fix the file or the mapping.
/// </summary>
public sealed record ImportReport(
    string JobId,
    string PatientId,
    string FileName,
    string? Format,
    ImportState State,
    long BytesTotal,
    long BytesRead,
    long RecordsRead,
    long Imported,
    long Duplicates,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectedByReason,
    IReadOnlyList<ImportRejection> Examples,
    DateTimeOffset Created,
    DateTimeOffset? Finished,
    string? Error)
{
    /// <summary>Fraction of the file read, 0–1.</summary>
    public double Progress => BytesTotal > 0 ? Math.Min(1, (double)BytesRead / BytesTotal) : State == ImportState.Succeeded ? 1 : 0;
}

/// <summary>One rejected record, as an example of its reason.</summary>
public sealed record ImportRejection(string Reason, string Detail);
