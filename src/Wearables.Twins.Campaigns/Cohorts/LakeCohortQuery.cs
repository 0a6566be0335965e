using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Campaigns.Options;
using Wearables.Twins.History.Reading;
using Wearables.Twins.History.Schema;

namespace Wearables.Twins.Campaigns.Cohorts;

/// <summary>
/// Evaluates the history conditions of a cohort rule over the lake in one DuckDB query. Only the partitions the
/// windows can touch are listed (for S3, mirrored locally by <see cref="LakeFiles"/>). DuckDB.NET's async calls run
/// synchronously, so the query runs on the thread pool: whoever awaits this (a run, never a grain) is not blocked.
/// </summary>
public sealed class LakeCohortQuery(LakeFiles files, IOptions<CampaignOptions> options)
{
    /// <summary>For each rule, in order, the patients who meet it at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<HashSet<string>>> EvaluateAsync(
        IReadOnlyList<VitalDaysRule> rules, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var results = rules.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        if (rules.Count == 0)
        {
            return results;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var lakeFiles = await files.ListAsync(Partitions(rules, today), cancellationToken);
        if (lakeFiles.Count == 0)
        {
            return results;
        }

        // Copies of a sample can only exist where a partition holds several files (see the History README).
        var deduplicate = lakeFiles.GroupBy(f => f.Key[..f.Key.LastIndexOf('/')], StringComparer.Ordinal).Any(g => g.Count() > 1);
        var (sql, parameters) = VitalDaysSql.Build(rules, today, lakeFiles, deduplicate);
        await Task.Run(() => Run(sql, parameters, results, cancellationToken), cancellationToken);
        return results;
    }

    // A local day of the window can hold samples stored under the UTC date before or after it (offsets of up to ±14 h).
    private static IEnumerable<string> Partitions(IReadOnlyList<VitalDaysRule> rules, DateOnly today)
    {
        foreach (var group in rules.GroupBy(r => r.Vital, StringComparer.Ordinal))
        {
            var first = today.AddDays(-group.Max(r => r.LastDays));
            for (var day = first; day <= today.AddDays(1); day = day.AddDays(1))
            {
                yield return LakePaths.PartitionPrefix(group.Key, day);
            }
        }
    }

    private void Run(string sql, List<DuckDBParameter> parameters, List<HashSet<string>> results, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var root = files.Root.EndsWith(Path.DirectorySeparatorChar) ? files.Root : files.Root + Path.DirectorySeparatorChar;
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            // The query reads the listed lake files and nothing else.
            setup.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
                SET TimeZone = 'UTC'; SET threads = {settings.QueryThreads}; SET memory_limit = {VitalDaysSql.Literal(settings.QueryMemoryLimit)};
                SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;
                SET allowed_directories = [{VitalDaysSql.Literal(root)}]; SET enable_external_access = false; SET lock_configuration = true;
                """);
            setup.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        using var cancel = cancellationToken.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            results[reader.GetInt32(0)].Add(reader.GetString(1));
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
