namespace Wearables.Twins.History.Maintenance;

/// <summary>
/// What erasing a patient removed from the lake: files rewritten without the patient's rows, files deleted because
/// they held nothing else, rows removed per vital (every stored copy) and samples dropped from the write buffer.
/// </summary>
public sealed record ErasureReceipt(
    string PatientId,
    string Store,
    IReadOnlyList<string> FilesRewritten,
    IReadOnlyList<string> FilesRemoved,
    IReadOnlyDictionary<string, long> RowsRemovedByVital,
    IReadOnlyDictionary<string, long> BufferedSamplesRemovedByVital,
    DateTimeOffset CompletedAt)
{
    public long RowsRemoved => RowsRemovedByVital.Values.Sum();
}
