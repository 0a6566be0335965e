using System.Globalization;
using System.Text;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Schema;

/// <summary>
/// Glue/Athena statements for the lake in S3, generated from <see cref="LakeSchema"/>: an external table whose
/// partitions (vital, date) come from partition projection, so no crawler or <c>MSCK REPAIR</c> is needed, and a view
/// that counts each sample once, as the local <c>vitals</c> view does.
/// </summary>
public static class AthenaDdl
{
    /// <summary>The <c>CREATE EXTERNAL TABLE</c> statement.</summary>
    /// <param name="database">Glue database, e.g. <c>wearables_twins</c>.</param>
    /// <param name="location">The table folder, e.g. <c>s3://bucket/lake/vitals/</c>.</param>
    /// <param name="firstDate">First day of the date projection.</param>
    public static string CreateTable(string database, string location, DateOnly firstDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var root = location.EndsWith('/') ? location : location + "/";
        var columns = LakeSchema.Columns.Where(c => c.Name != LakeSchema.VitalPartition)
            .Select(c => $"  `{c.Name}` {c.AthenaType} COMMENT '{c.Comment.Replace("'", "''", StringComparison.Ordinal)}'");
        var vitals = string.Join(",", VitalCatalog.All.Select(v => v.Code));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"CREATE EXTERNAL TABLE IF NOT EXISTS `{database}`.`{LakeSchema.TableFolder}` (\n");
        text.AppendJoin(",\n", columns).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $$"""
            )
            PARTITIONED BY (`{{LakeSchema.VitalPartition}}` string, `{{LakeSchema.DatePartition}}` string)
            STORED AS PARQUET
            LOCATION '{{root}}'
            TBLPROPERTIES (
              'projection.enabled' = 'true',
              'projection.{{LakeSchema.VitalPartition}}.type' = 'enum',
              'projection.{{LakeSchema.VitalPartition}}.values' = '{{vitals}}',
              'projection.{{LakeSchema.DatePartition}}.type' = 'date',
              'projection.{{LakeSchema.DatePartition}}.format' = 'yyyy-MM-dd',
              'projection.{{LakeSchema.DatePartition}}.range' = '{{firstDate.ToString(LakePaths.DateFormat, CultureInfo.InvariantCulture)}},NOW',
              'projection.{{LakeSchema.DatePartition}}.interval' = '1',
              'projection.{{LakeSchema.DatePartition}}.interval.unit' = 'DAYS',
              'storage.location.template' = '{{root}}{{LakeSchema.VitalPartition}}=${{{LakeSchema.VitalPartition}}}/{{LakeSchema.DatePartition}}=${{{LakeSchema.DatePartition}}}/',
              'parquet.compression' = 'ZSTD'
            );
            """);
        return text.ToString();
    }

    /// <summary>A view with one row per sample identity (the first ingested copy), as the local <c>vitals</c> view.</summary>
    public static string CreateDeduplicatedView(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var columns = string.Join(", ", LakeSchema.Columns.Select(c => $"\"{c.Name}\"").Append($"\"{LakeSchema.DatePartition}\""));
        return $"""
            CREATE OR REPLACE VIEW "{database}"."vitals_deduplicated" AS
            SELECT {columns}
            FROM (
              SELECT *, row_number() OVER (PARTITION BY "patient_id", "vital", "time", "end_time", "device_id" ORDER BY "ingested_at") AS "copy"
              FROM "{database}"."{LakeSchema.TableFolder}"
            )
            WHERE "copy" = 1;
            """;
    }
}
