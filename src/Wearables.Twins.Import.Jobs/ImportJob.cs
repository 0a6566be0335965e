namespace Wearables.Twins.Import.Jobs;

/// <summary>One import: what was asked, where it stands, and its running tally.</summary>
internal sealed class ImportJob(
    string id, string patientId, string fileName, string? format, ImportContext context, string uploadPath,
    string contentKey, long bytesTotal, DateTimeOffset created)
{
    private volatile string? _format = format;
    private volatile string? _error;
    private int _state = (int)ImportState.Queued;
    private DateTimeOffset? _finished;

    public string Id { get; } = id;

    public string PatientId { get; } = patientId;

    public string FileName { get; } = fileName;

    public ImportContext Context { get; } = context;

    public string UploadPath { get; } = uploadPath;

    /// <summary>Hash of the file's content: message ids derive from it, so importing the same file twice is idempotent.</summary>
    public string ContentKey { get; } = contentKey;

    public long BytesTotal { get; } = bytesTotal;

    public DateTimeOffset Created { get; } = created;

    public ImportTally Tally { get; } = new();

    public string? Format
    {
        get => _format;
        set => _format = value;
    }

    public ImportState State => (ImportState)Volatile.Read(ref _state);

    public void Start() => Volatile.Write(ref _state, (int)ImportState.Running);

    public void Finish(DateTimeOffset at, string? error)
    {
        _error = error;
        _finished = at;
        Volatile.Write(ref _state, (int)(error is null ? ImportState.Succeeded : ImportState.Failed));
    }

    public ImportReport Snapshot()
    {
        var (byReason, examples) = Tally.Rejections();
        var state = State;
        return new ImportReport(Id, PatientId, FileName, Format, state, BytesTotal,
            state == ImportState.Succeeded ? BytesTotal : Tally.BytesRead, Tally.Records, Tally.Imported,
            Tally.Duplicates, Tally.RejectedCount, byReason, examples, Created, _finished, _error);
    }
}
