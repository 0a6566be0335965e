using Microsoft.Extensions.Options;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Options;

/// <summary>Checks every setting at start-up and reports all problems at once, naming each setting.</summary>
public sealed class HistoryOptionsValidator : IValidateOptions<HistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, HistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string S = HistoryOptions.Section;
        if (options.Target == LakeTarget.Local && string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{S}:Directory must name the lake folder.");
        }

        if (options.Target == LakeTarget.S3)
        {
            if (string.IsNullOrWhiteSpace(options.S3.Bucket))
            {
                failures.Add($"{S}:S3:Bucket is required when {S}:Target is S3.");
            }

            if (!string.IsNullOrEmpty(options.S3.ServiceUrl) && !Uri.TryCreate(options.S3.ServiceUrl, UriKind.Absolute, out _))
            {
                failures.Add($"{S}:S3:ServiceUrl must be an absolute URL; got '{options.S3.ServiceUrl}'.");
            }

            if (string.IsNullOrWhiteSpace(options.CacheDirectory))
            {
                failures.Add($"{S}:CacheDirectory must name a local folder for the S3 target.");
            }
        }

        var writer = options.Writer;
        if (writer.FlushValues < 1)
        {
            failures.Add($"{S}:Writer:FlushValues must be at least 1; got {writer.FlushValues}.");
        }

        if (writer.MaxBufferedValues < writer.FlushValues)
        {
            failures.Add($"{S}:Writer:MaxBufferedValues ({writer.MaxBufferedValues}) must be at least {S}:Writer:FlushValues ({writer.FlushValues}).");
        }

        if (writer.MaxAge <= TimeSpan.Zero)
        {
            failures.Add($"{S}:Writer:MaxAge must be positive; got {writer.MaxAge}.");
        }

        if (writer.RowGroupRows < 1_000)
        {
            failures.Add($"{S}:Writer:RowGroupRows must be at least 1000; got {writer.RowGroupRows}.");
        }

        if (writer.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"{S}:Writer:RetryDelay must be positive; got {writer.RetryDelay}.");
        }

        if (options.Maintenance.Interval < TimeSpan.Zero)
        {
            failures.Add($"{S}:Maintenance:Interval must not be negative; got {options.Maintenance.Interval}.");
        }

        if (options.Maintenance.MinFilesPerDay < 2)
        {
            failures.Add($"{S}:Maintenance:MinFilesPerDay must be at least 2; got {options.Maintenance.MinFilesPerDay}.");
        }

        foreach (var (vital, retention) in options.Retention)
        {
            if (!VitalCatalog.TryGet(vital, out _))
            {
                failures.Add($"{S}:Retention:{vital} names no vital; valid codes: {string.Join(", ", VitalCatalog.All.Select(v => v.Code))}.");
            }

            if (retention < TimeSpan.FromDays(1))
            {
                failures.Add($"{S}:Retention:{vital} must be at least one day; got {retention}.");
            }
        }

        if (options.DefaultRetention is { } fallback && fallback < TimeSpan.FromDays(1))
        {
            failures.Add($"{S}:DefaultRetention must be at least one day; got {fallback}.");
        }

        if (options.Sql.MaxRows < 1)
        {
            failures.Add($"{S}:Sql:MaxRows must be at least 1; got {options.Sql.MaxRows}.");
        }

        if (options.Sql.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{S}:Sql:Timeout must be positive; got {options.Sql.Timeout}.");
        }

        if (options.Sql.Threads < 1)
        {
            failures.Add($"{S}:Sql:Threads must be at least 1; got {options.Sql.Threads}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
