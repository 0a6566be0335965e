using System.Globalization;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Schema;

/// <summary>Object keys of the lake: <c>vitals/vital=&lt;code&gt;/date=&lt;yyyy-MM-dd&gt;/&lt;file&gt;.parquet</c>, '/'-separated.</summary>
public static class LakePaths
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The partition a sample lands in: its vital and the UTC date of its start time.</summary>
    public static string PartitionPrefix(string vitalCode, DateOnly utcDate)
        => string.Create(CultureInfo.InvariantCulture,
            $"{LakeSchema.TableFolder}/{LakeSchema.VitalPartition}={vitalCode}/{LakeSchema.DatePartition}={utcDate.ToString(DateFormat, CultureInfo.InvariantCulture)}/");

    public static string VitalPrefix(string vitalCode)
        => $"{LakeSchema.TableFolder}/{LakeSchema.VitalPartition}={vitalCode}/";

    public static string TablePrefix => LakeSchema.TableFolder + "/";

    public static DateOnly UtcDate(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    /// <summary>Whether a key is a finished data file (temp files and anything else are not).</summary>
    public static bool IsDataFile(string key) => key.EndsWith(LakeSchema.FileExtension, StringComparison.Ordinal);

    /// <summary>Reads the partition of a data file key; false for keys outside the layout.</summary>
    public static bool TryParse(string key, out LakePartition partition)
    {
        partition = default;
        var parts = key.Split('/');
        if (parts.Length != 4 || parts[0] != LakeSchema.TableFolder || !IsDataFile(key))
        {
            return false;
        }

        var vital = Value(parts[1], LakeSchema.VitalPartition);
        var date = Value(parts[2], LakeSchema.DatePartition);
        if (vital is null || date is null || !VitalCatalog.TryGet(vital, out _)
            || !DateOnly.TryParseExact(date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        partition = new LakePartition(vital, day);
        return true;
    }

    private static string? Value(string segment, string name)
        => segment.StartsWith(name + "=", StringComparison.Ordinal) ? segment[(name.Length + 1)..] : null;
}
