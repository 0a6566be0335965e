using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Import.Jobs;

/// <summary>
/// Accepts uploads, runs them as background jobs (a few at a time), and answers status requests. An upload is
/// written to disk first (hashing it on the way), so the request returns as soon as the file is safe and the
/// import reads a seekable file whatever its size. Job reports live in memory: a restart forgets them (the
/// samples already imported are durable; importing the same file again is idempotent).
/// </summary>
public sealed partial class ImportJobs : IDisposable
{
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _finishedOrder = new();
    private readonly SemaphoreSlim _running;
    private readonly ImportRunner _runner;
    private readonly ImportFormats _formats;
    private readonly ImportOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly ILogger<ImportJobs> _logger;

    public ImportJobs(
        ImportRunner runner, ImportFormats formats, IOptions<ImportOptions> options, TimeProvider time,
        IHostApplicationLifetime lifetime, ILogger<ImportJobs> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lifetime);
        _runner = runner;
        _formats = formats;
        _options = options.Value;
        _time = time;
        _stopping = lifetime.ApplicationStopping;
        _logger = logger;
        _running = new SemaphoreSlim(_options.MaxConcurrentJobs);
        Directory.CreateDirectory(_options.Directory);
    }

    public long MaxUploadBytes => _options.MaxUploadBytes;

    /// <summary>Stores the upload and queues its import; throws <see cref="ImportRequestException"/> for a bad request.</summary>
    public async Task<ImportReport> StartAsync(
        string patientId, string fileName, string? format, string? timeZone, CsvColumnMapping? csvMapping,
        Stream upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (!_formats.IsKnown(format))
        {
            throw new ImportRequestException("unknown_format",
                $"Format '{format}' is unknown; use auto or one of: {string.Join(", ", _formats.Names)}.");
        }

        var zone = TimeZoneInfo.Utc;
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out zone))
        {
            throw new ImportRequestException("unknown_time_zone",
                $"Time zone '{timeZone}' is unknown; use an IANA name such as Europe/Paris or America/Sao_Paulo.");
        }

        var id = Guid.CreateVersion7().ToString("N");
        var path = Path.Combine(_options.Directory, id + ".upload");
        var (length, contentKey) = await SaveAsync(upload, path, cancellationToken);
        var context = new ImportContext { FileName = fileName, LocalTimeZone = zone!, CsvMapping = csvMapping };
        var job = new ImportJob(id, patientId, fileName, format == ImportFormats.Auto ? null : format, context, path,
            contentKey, length, _time.GetUtcNow());
        _jobs[id] = job;
        _ = RunAsync(job);
        return job.Snapshot();
    }

    public ImportReport? Get(string patientId, string jobId)
        => _jobs.TryGetValue(jobId, out var job) && job.PatientId == patientId ? job.Snapshot() : null;

    public IReadOnlyList<ImportReport> List(string patientId)
        => [.. _jobs.Values.Where(j => j.PatientId == patientId).OrderBy(j => j.Created).Select(j => j.Snapshot())];

    public void Dispose() => _running.Dispose();

    private async Task<(long Length, string ContentKey)> SaveAsync(Stream upload, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            int read;
            while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > _options.MaxUploadBytes)
                {
                    throw new ImportRequestException("upload_too_large",
                        $"The upload is larger than {ImportOptions.Section}:MaxUploadBytes ({_options.MaxUploadBytes} bytes).");
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        if (length == 0)
        {
            File.Delete(path);
            throw new ImportRequestException("empty_upload", "The upload is empty; send the export file as the request body.");
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset())[..24]);
    }

    private async Task RunAsync(ImportJob job)
    {
        await Task.Yield();
        string? error = null;
        try
        {
            await _running.WaitAsync(_stopping);
            try
            {
                job.Start();
                await using var content = new FileStream(job.UploadPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
                await _runner.RunAsync(job, content, _stopping);
            }
            finally
            {
                _running.Release();
            }
        }
        catch (ImportFailedException ex)
        {
            error = ex.Message;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            error = "The service stopped during the import; samples imported so far are kept. Import the file again to finish (it is idempotent).";
        }
        catch (Exception ex)
        {
            LogImportFailed(_logger, ex, job.Id);
            error = $"The import stopped: {ex.Message}";
        }
        finally
        {
            TryDelete(job.UploadPath);
        }

        job.Finish(_time.GetUtcNow(), error);
        Forget();
        _finishedOrder.Enqueue(job.Id);
    }

    private void Forget()
    {
        while (_finishedOrder.Count >= _options.FinishedJobsKept && _finishedOrder.TryDequeue(out var oldest))
        {
            _jobs.TryRemove(oldest, out _);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            LogUploadNotDeleted(_logger, ex, path);
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Error, Message = "Import {JobId} failed")]
    private static partial void LogImportFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Upload {Path} could not be deleted after its import")]
    private static partial void LogUploadNotDeleted(ILogger logger, Exception exception, string path);
}
