using System.Text.RegularExpressions;
using Parquet;
using Parquet.Schema;
using Wearables.Twins.History.Schema;

namespace Wearables.Twins.History.Tests;

public sealed partial class AthenaDdlTests
{
    [Fact]
    public async Task Ddl_columns_and_types_match_the_parquet_schema_of_a_written_file()
    {
        await using var lake = LakeHost.Local();
        await lake.Writer.AppendAsync("p1", "w1", new[] { Samples.Rr(Samples.Start, 800, 810) });
        await lake.Writer.FlushAsync(CancellationToken.None);
        var file = Assert.Single(await lake.Files.ListAsync(["vitals/"], CancellationToken.None));
        await using var stream = File.OpenRead(file.LocalPath);
        await using var reader = await ParquetReader.CreateAsync(stream);

        var ddl = AthenaDdl.CreateTable("wearables_twins", "s3://bucket/lake/vitals/", new DateOnly(2024, 1, 1));

        var declared = ColumnPattern().Matches(ddl[..ddl.IndexOf("PARTITIONED BY", StringComparison.Ordinal)])
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var partitions = ColumnPattern().Matches(ddl[ddl.IndexOf("PARTITIONED BY", StringComparison.Ordinal)..ddl.IndexOf("STORED AS", StringComparison.Ordinal)])
            .Select(m => m.Groups[1].Value).ToList();
        var inFile = reader.Schema.Fields.ToDictionary(f => f.Name, AthenaTypeOf);

        // Every file column is a table column of the matching type, except the vital, which is the partition key.
        Assert.Equal(["vital", "date"], partitions);
        Assert.Equal(inFile.Where(c => c.Key != "vital").OrderBy(c => c.Key), declared.OrderBy(c => c.Key));
        Assert.Contains("'projection.vital.values' = 'heart_rate,rr_intervals,", ddl, StringComparison.Ordinal);
        Assert.Contains("'storage.location.template' = 's3://bucket/lake/vitals/vital=${vital}/date=${date}/'", ddl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_aws_md_holds_exactly_the_generated_statements()
    {
        var doc = (await File.ReadAllTextAsync(Path.Combine(Testing.RepositoryRoot.Path, "docs", "aws.md"))).ReplaceLineEndings("\n");

        Assert.Contains(AthenaDdl.CreateTable("wearables_twins", "s3://YOUR-BUCKET/lake/vitals/", new DateOnly(2024, 1, 1)).ReplaceLineEndings("\n").Trim(), doc, StringComparison.Ordinal);
        Assert.Contains(AthenaDdl.CreateDeduplicatedView("wearables_twins").ReplaceLineEndings("\n").Trim(), doc, StringComparison.Ordinal);
    }

    // Independent of LakeSchema's own AthenaType strings: read from the file's physical and logical types.
    private static string AthenaTypeOf(Field field) => field switch
    {
        ListField list when list.Item is DataField { ClrType: var item } && item == typeof(double) => "array<double>",
        DateTimeDataField { DateTimeFormat: DateTimeFormat.Timestamp or DateTimeFormat.DateAndTime } => "timestamp",
        DataField { SchemaElement.LogicalType.STRING: not null } => "string",
        DataField { ClrType: var type } when type == typeof(double) => "double",
        DataField { ClrType: var type } when type == typeof(int) => "int",
        DataField { ClrType: var type } when type == typeof(DateTime) => "timestamp",
        _ => $"unmapped {field}",
    };

    [GeneratedRegex(@"`([a-z_0-9]+)` ([a-z<>]+)")]
    private static partial Regex ColumnPattern();
}
