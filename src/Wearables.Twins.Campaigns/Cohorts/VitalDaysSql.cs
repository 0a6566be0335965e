using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.History.Reading;

namespace Wearables.Twins.Campaigns.Cohorts;

/// <summary>
/// Builds the one DuckDB query that evaluates every <see cref="VitalDaysRule"/> of a cohort rule for every patient.
/// Values from the definition (vital codes, thresholds, day counts, dates) are bound as parameters; the only text
/// put into the SQL comes from enums (aggregate, comparison, column) and from the lake's own file names.
/// </summary>
internal static class VitalDaysSql
{
    /// <summary>Same identity as the lake's readers: one row per (patient, vital, time, end, device), the earliest ingested copy.</summary>
    private const string Deduplicate =
        "QUALIFY row_number() OVER (PARTITION BY patient_id, vital, time, end_time, device_id ORDER BY ingested_at) = 1";

    /// <summary>The query and its parameters; it returns (rule index, patient id) rows.</summary>
    public static (string Sql, List<DuckDBParameter> Parameters) Build(
        IReadOnlyList<VitalDaysRule> rules, DateOnly today, IReadOnlyList<LakeFile> files, bool deduplicate)
    {
        var parameters = new List<DuckDBParameter>();
        var vitals = rules.Select(r => r.Vital).Distinct(StringComparer.Ordinal).ToList();
        var sql = new StringBuilder();
        sql.Append("WITH samples AS (\n    SELECT patient_id, vital, value, value2, ")
            .Append("CAST(CAST(time AS TIMESTAMP) + to_minutes(offset_minutes) AS DATE) AS day\n    FROM read_parquet([");
        for (var i = 0; i < files.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(Literal(files[i].LocalPath));
        }

        sql.Append("])\n    WHERE vital IN (");
        for (var i = 0; i < vitals.Count; i++)
        {
            var name = Name("vital", i);
            sql.Append(i == 0 ? "$" : ", $").Append(name);
            parameters.Add(new DuckDBParameter(name, vitals[i]));
        }

        sql.Append(')');
        if (deduplicate)
        {
            sql.Append("\n    ").Append(Deduplicate);
        }

        sql.Append(")\n");
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var column = rule.EffectiveMeasure == VitalMeasure.Diastolic ? "value2" : "value";
            sql.Append(i == 0 ? "" : "UNION ALL\n").Append(CultureInfo.InvariantCulture, $"""
                SELECT {i} AS rule, patient_id FROM (
                    SELECT patient_id, day, {Aggregate(rule.Aggregate)}({column}) AS measure FROM samples
                    WHERE vital = ${Name("v", i)} AND {column} IS NOT NULL
                      AND day BETWEEN CAST(${Name("from", i)} AS DATE) AND CAST(${Name("to", i)} AS DATE)
                    GROUP BY patient_id, day)
                WHERE measure {Operator(rule.Operator)} ${Name("threshold", i)}
                GROUP BY patient_id HAVING count(*) >= ${Name("days", i)}

                """);
            parameters.Add(new DuckDBParameter(Name("v", i), rule.Vital));
            parameters.Add(new DuckDBParameter(Name("from", i), today.AddDays(1 - rule.LastDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            parameters.Add(new DuckDBParameter(Name("to", i), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            parameters.Add(new DuckDBParameter(Name("threshold", i), rule.Threshold));
            parameters.Add(new DuckDBParameter(Name("days", i), rule.MinDays));
        }

        return (sql.ToString(), parameters);
    }

    private static string Name(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);

    private static string Aggregate(VitalAggregate aggregate) => aggregate switch
    {
        VitalAggregate.Max => "max",
        VitalAggregate.Min => "min",
        VitalAggregate.Mean => "avg",
        VitalAggregate.Sum => "sum",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, "Unknown aggregate."),
    };

    private static string Operator(ComparisonOperator comparison) => comparison switch
    {
        ComparisonOperator.AtLeast => ">=",
        ComparisonOperator.Above => ">",
        ComparisonOperator.AtMost => "<=",
        ComparisonOperator.Below => "<",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Unknown comparison."),
    };

    /// <summary>A file path as a SQL string literal (paths come from the lake listing, never from a definition).</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
