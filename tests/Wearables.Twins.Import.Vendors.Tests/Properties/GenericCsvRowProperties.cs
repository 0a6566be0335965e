using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Wearables.Twins.Import.Vendors.GenericCsv;
using Wearables.Twins.Ingest.Decoding;

namespace Wearables.Twins.Import.Vendors.Tests.Properties;

/// <summary>
/// CSV files of generated rows (comma, semicolon or tab; RFC 3339 or local times; quoted notes with delimiters,
/// doubled quotes and line breaks): every valid row is imported as its sample, which the service accepts, and every
/// broken row is one rejection with its reason and line, without costing its neighbours anything.
/// </summary>
public sealed class GenericCsvRowProperties
{
    private const string Header = "time,type,value,unit,end,note";

    [Property(MaxTest = 200)]
    public Property Valid_rows_are_imported_and_each_broken_row_is_reported_with_its_reason_and_line()
        => Prop.ForAll(CsvCases.Files(), async file =>
        {
            var zone = TimeZoneInfo.CreateCustomTimeZone("generated", file.ZoneOffset, "generated", "generated");

            var outcome = await VendorImportOutcome.RunAsync(
                new GenericCsvImporter(), Encoding.UTF8.GetBytes(file.Text()), new ImportContext { FileName = "vitals.csv", LocalTimeZone = zone });

            Assert.True(outcome.Failure is null, $"The import ended with {outcome.Failure}");
            outcome.AssertClear();
            Assert.Equal(file.Rows.Count, outcome.Records.Count);
            var line = 2;
            for (var i = 0; i < file.Rows.Count; i++)
            {
                var row = file.Rows[i];
                var record = outcome.Records[i];
                if (row.Reason == CsvCases.CalendarEdge)
                {
                    Assert.True(
                        record.Reason == ImportReasons.UnreadableRecord || (record.Sample is { } edge && VendorImportOutcome.Verdict(edge).Status == SampleStatus.Rejected),
                        $"line {line} ({row.Description}) gave {Describe(record)} {record.Detail}");
                }
                else if (row.Reason is { } reason)
                {
                    Assert.True(record.Reason == reason, $"line {line} ({row.Description}) should be {reason}; it gave {Describe(record)} {record.Detail}");
                    Assert.StartsWith($"line {line}:", record.Detail, StringComparison.Ordinal);
                }
                else
                {
                    Assert.True(record.Sample is not null, $"line {line} ({row.Description}) gave {record.Reason}: {record.Detail}");
                    Assert.Equal(row.Sample, Describe(record));
                    var verdict = VendorImportOutcome.Verdict(record.Sample);
                    Assert.True(verdict.Status == SampleStatus.Accepted, $"line {line} ({row.Description}): the service said {verdict.Reason} {verdict.Detail}");
                }

                line += row.Lines;
            }
        });

    /// <summary>What matters of a sample, written the way <see cref="CsvCases"/> writes its expectations.</summary>
    internal static string Describe(ImportRecord record)
        => record.Sample is { } s
            ? string.Join(' ', s.Type, s.Time, s.End ?? "-", Number(s.Value), Number(s.Systolic), Number(s.Diastolic),
                s.Values is { } values ? string.Join('|', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) : "-",
                s.Stage ?? "-", s.Category ?? "-", s.Unit ?? "-")
            : record.Reason!;

    internal static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>A generated CSV: its delimiter, the zone its local times are in, and its rows.</summary>
    internal sealed record CsvFile(char Delimiter, TimeSpan ZoneOffset, IReadOnlyList<CsvRow> Rows)
    {
        public string Text()
        {
            var text = new StringBuilder(Header.Replace(',', Delimiter)).Append('\n');
            foreach (var row in Rows)
            {
                text.AppendJoin(Delimiter, row.Fields.Select(Quote)).Append('\n');
            }

            return text.ToString();
        }

        public IEnumerable<CsvFile> Shrink()
            => Rows.Count <= 1 ? [] : Rows.Select((_, i) => this with { Rows = [.. Rows.Where((_, j) => j != i)] });

        public override string ToString() => $"zone {ZoneOffset}, delimiter '{Delimiter}':\n{Text()}";

        private string Quote(string field)
            => field.Contains(Delimiter, StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) || field.Contains('\n', StringComparison.Ordinal)
                ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : field;
    }

    /// <summary>time, type, value, unit, end, note; and the sample (described) or the reason the importer must give.</summary>
    internal sealed record CsvRow(string[] Fields, string? Sample, string? Reason, string Description)
    {
        public int Lines => 1 + Fields.Sum(f => f.Count(c => c == '\n'));
    }
}
