using Parquet.Schema;

namespace Wearables.Twins.History.Schema;

/// <summary>One column of the lake: its Parquet field and how Athena/Glue and DuckDB name its type.</summary>
/// <param name="Field">The Parquet field the writer emits (for lists, the list field).</param>
/// <param name="AthenaType">Hive/Glue type used in the generated <c>CREATE EXTERNAL TABLE</c>.</param>
/// <param name="DuckDbType">DuckDB type, used for the empty view when the lake has no files yet.</param>
/// <param name="Comment">What the column holds, written into the DDL.</param>
public sealed record LakeColumn(Field Field, string AthenaType, string DuckDbType, string Comment)
{
    public string Name => Field.Name;
}
