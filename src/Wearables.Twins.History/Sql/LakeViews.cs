using System.Globalization;
using System.Text;
using Wearables.Twins.History.Reading;
using Wearables.Twins.History.Schema;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Sql;

/// <summary>
/// The SQL surface over the lake, generated from <see cref="LakeSchema"/> and the vitals catalogue:
/// <list type="bullet">
/// <item><c>vitals_raw</c>: every stored row, copies included (what the files hold; used to prove erasure).</item>
/// <item><c>vitals</c>: every sample once (first ingested copy per patient, vital, time, end), plus <c>local_time</c>
/// (the device's wall-clock time) and the <c>date</c> partition.</item>
/// <item><c>daily_resting_heart_rate</c>, <c>nightly_spo2_dips</c>, <c>sleep_duration</c>,
/// <c>blood_pressure_days_above_threshold</c>: the canned analyses.</item>
/// </list>
/// Days and nights are the device's local ones; a night runs from noon to noon, so 23:00 and 02:00 belong together.
/// </summary>
public static class LakeViews
{
    /// <summary>A SpO2 reading below this (%) is a dip.</summary>
    public const double SpO2DipBelow = 90;

    /// <summary>A day whose mean systolic or diastolic reaches these (mm[Hg]) is above threshold (stage 2, ESC/ACC).</summary>
    public const double SystolicThreshold = 140;

    public const double DiastolicThreshold = 90;

    private static readonly string[] AsleepStages = ["light", "deep", "rem", "asleep"];

    public static readonly IReadOnlyList<string> Names =
        ["vitals_raw", "vitals", "daily_resting_heart_rate", "nightly_spo2_dips", "sleep_duration", "blood_pressure_days_above_threshold"];

    /// <summary>The statements that create every view over the lake folder <paramref name="root"/>.</summary>
    public static string Create(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var table = Path.Combine(root, LakeSchema.TableFolder);
        var hasFiles = Directory.Exists(table) && Directory.EnumerateFiles(table, "*" + LakeSchema.FileExtension, SearchOption.AllDirectories).Any();
        var columns = string.Join(", ", LakeSchema.Columns.Select(c => c.Name));
        var source = hasFiles
            ? $"SELECT {columns}, date FROM read_parquet({DuckDbLake.Literal(Path.Combine(table, "*", "*", "*" + LakeSchema.FileExtension))}, "
              + "hive_partitioning = true, hive_types = {'vital': VARCHAR, 'date': DATE})"
            : $"SELECT {string.Join(", ", LakeSchema.Columns.Select(c => $"NULL::{c.DuckDbType} AS {c.Name}"))}, NULL::DATE AS date WHERE false";

        var sql = new StringBuilder();
        sql.AppendLine(CultureInfo.InvariantCulture, $"CREATE VIEW vitals_raw AS {source};");
        sql.AppendLine(CultureInfo.InvariantCulture, $"""
            CREATE VIEW vitals AS
            SELECT *, CAST(time AS TIMESTAMP) + to_minutes(offset_minutes) AS local_time
            FROM vitals_raw
            {DuckDbLake.Deduplicate};
            """);
        sql.AppendLine(RestingHeartRate());
        sql.AppendLine(SpO2Dips());
        sql.AppendLine(SleepDuration());
        sql.AppendLine(BloodPressure());
        return sql.ToString();
    }

    // The device's own resting heart rate when it reports one; else heart rate measured at rest; else the 5th
    // percentile of the day's heart rate (robust to a few artefacts, close to the resting level with dense data).
    private static string RestingHeartRate()
    {
        var resting = VitalCatalog.HeartRate.TryGetQualifier("resting", out var index) ? index : -1;
        return string.Create(CultureInfo.InvariantCulture, $"""
            CREATE VIEW daily_resting_heart_rate AS
            SELECT patient_id, CAST(local_time AS DATE) AS day,
                   CASE WHEN count(*) FILTER (WHERE vital = 'resting_heart_rate') > 0
                             THEN avg(value) FILTER (WHERE vital = 'resting_heart_rate')
                        WHEN count(*) FILTER (WHERE vital = 'heart_rate' AND qualifier = {resting}) > 0
                             THEN avg(value) FILTER (WHERE vital = 'heart_rate' AND qualifier = {resting})
                        ELSE quantile_cont(value, 0.05) FILTER (WHERE vital = 'heart_rate') END AS resting_bpm,
                   CASE WHEN count(*) FILTER (WHERE vital = 'resting_heart_rate') > 0 THEN 'device'
                        WHEN count(*) FILTER (WHERE vital = 'heart_rate' AND qualifier = {resting}) > 0 THEN 'resting_context'
                        ELSE 'p05_of_day' END AS method,
                   count(*) FILTER (WHERE vital = 'heart_rate') AS heart_rate_samples
            FROM vitals WHERE vital IN ('heart_rate', 'resting_heart_rate')
            GROUP BY patient_id, CAST(local_time AS DATE);
            """);
    }

    private static string SpO2Dips() => string.Create(CultureInfo.InvariantCulture, $"""
        CREATE VIEW nightly_spo2_dips AS
        SELECT patient_id, CAST(local_time - INTERVAL 12 HOUR AS DATE) AS night,
               count(*) AS readings,
               count(*) FILTER (WHERE value < {SpO2DipBelow}) AS dips,
               min(value) AS lowest_spo2,
               avg(value) AS mean_spo2
        FROM vitals
        WHERE vital = 'spo2' AND (hour(local_time) >= 22 OR hour(local_time) < 8)
        GROUP BY patient_id, CAST(local_time - INTERVAL 12 HOUR AS DATE);
        """);

    private static string SleepDuration()
    {
        var categories = VitalCatalog.SleepStage.Categories;
        string Index(string name) => categories.ToList().IndexOf(name).ToString(CultureInfo.InvariantCulture);
        var asleep = string.Join(", ", AsleepStages.Select(Index));
        return $"""
            CREATE VIEW sleep_duration AS
            SELECT patient_id, CAST(local_time - INTERVAL 12 HOUR AS DATE) AS night,
                   sum(epoch(end_time - time)) FILTER (WHERE CAST(value AS INTEGER) IN ({asleep})) / 60.0 AS asleep_minutes,
                   sum(epoch(end_time - time)) FILTER (WHERE CAST(value AS INTEGER) = {Index("deep")}) / 60.0 AS deep_minutes,
                   sum(epoch(end_time - time)) FILTER (WHERE CAST(value AS INTEGER) = {Index("rem")}) / 60.0 AS rem_minutes,
                   sum(epoch(end_time - time)) FILTER (WHERE CAST(value AS INTEGER) = {Index("awake")}) / 60.0 AS awake_minutes,
                   min(local_time) AS first_stage_at,
                   max(CAST(end_time AS TIMESTAMP) + to_minutes(offset_minutes)) AS last_stage_until
            FROM vitals
            WHERE vital = 'sleep_stage' AND end_time IS NOT NULL
            GROUP BY patient_id, CAST(local_time - INTERVAL 12 HOUR AS DATE);
            """;
    }

    private static string BloodPressure() => string.Create(CultureInfo.InvariantCulture, $"""
        CREATE VIEW blood_pressure_days_above_threshold AS
        SELECT patient_id, CAST(local_time AS DATE) AS day, count(*) AS readings,
               avg(value) AS mean_systolic, avg(value2) AS mean_diastolic,
               max(value) AS max_systolic, max(value2) AS max_diastolic
        FROM vitals WHERE vital = 'blood_pressure'
        GROUP BY patient_id, CAST(local_time AS DATE)
        HAVING avg(value) >= {SystolicThreshold} OR avg(value2) >= {DiastolicThreshold};
        """);
}
