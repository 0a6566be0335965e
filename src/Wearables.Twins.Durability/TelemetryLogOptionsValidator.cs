using System.Globalization;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Durability;

/// <summary>Checks <see cref="TelemetryLogOptions"/> and reports every problem at once, naming the setting.</summary>
public sealed class TelemetryLogOptionsValidator : IValidateOptions<TelemetryLogOptions>
{
    /// <summary>Upper bound of <see cref="TelemetryLogOptions.MaxBatchBytes"/>: a batch is one pooled array.</summary>
    public const int MaxBatchBytesLimit = 1024 * 1024 * 1024;

    private const string Prefix = TelemetryLogOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TelemetryLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            problems.Add($"{Prefix}{nameof(options.Directory)} is required: set it to the folder that holds the log's segment files.");
        }
        else if (options.Directory.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add($"{Prefix}{nameof(options.Directory)} contains a NUL character, which no file system accepts in a path.");
        }

        var recordOk = options.MaxRecordBytes >= 1;
        if (!recordOk)
        {
            problems.Add(Format("{0}MaxRecordBytes must be at least 1 byte; it is {1}.", Prefix, options.MaxRecordBytes));
        }

        var batchOk = options.MaxBatchBytes is >= 1 and <= MaxBatchBytesLimit;
        if (!batchOk)
        {
            problems.Add(Format(
                "{0}MaxBatchBytes must be between 1 and {1} bytes; it is {2}.", Prefix, MaxBatchBytesLimit, options.MaxBatchBytes));
        }

        var segmentOk = options.SegmentSizeBytes >= 1;
        if (!segmentOk)
        {
            problems.Add(Format("{0}SegmentSizeBytes must be at least 1 byte; it is {1}.", Prefix, options.SegmentSizeBytes));
        }

        // The relations are only meaningful once each side is valid on its own; otherwise they would repeat a problem.
        var largestFrame = (long)options.MaxRecordBytes + RecordFrame.HeaderSize;
        if (recordOk && batchOk && options.MaxBatchBytes < largestFrame)
        {
            problems.Add(Format(
                "{0}MaxBatchBytes ({1}) must be at least {0}MaxRecordBytes plus the 8-byte record header ({2}), so one group commit can hold the largest record.",
                Prefix, options.MaxBatchBytes, largestFrame));
        }

        if (recordOk && segmentOk && options.SegmentSizeBytes < largestFrame)
        {
            problems.Add(Format(
                "{0}SegmentSizeBytes ({1}) must be at least {0}MaxRecordBytes plus the 8-byte record header ({2}), so the largest record fits in one segment.",
                Prefix, options.SegmentSizeBytes, largestFrame));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
