using System.Runtime.CompilerServices;
using Wearables.Twins.Import.Vendors.Common;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Vendors.GenericCsv;

/// <summary>
/// Any CSV with a header row, mapped onto samples by <see cref="ImportContext.CsvMapping"/>: which columns hold the
/// time, the optional end, the value, the unit and the vital code, or a fixed vital and unit for the whole file.
/// Fields may be quoted (RFC 4180). Numbers use a decimal point; a decimal comma (36,6) is accepted when the
/// delimiter is not a comma (a ';' file). Times are RFC 3339 with an offset, or local times without one
/// (<c>2026-03-29 02:30:00</c>), which get the offset of <see cref="ImportContext.LocalTimeZone"/>.
/// </summary>
public sealed class GenericCsvImporter : IHealthDataImporter
{
    private static readonly char[] Delimiters = [',', ';', '\t'];

    public string Format => "csv";

    /// <summary>
    /// Claims only a <c>.csv</c>/<c>.tsv</c>/<c>.txt</c> file whose header has <c>time</c>, <c>value</c> and
    /// <c>type</c> columns — the layout this importer reads without a mapping. Any other CSV needs
    /// <c>--format csv</c> and a mapping, so that vendor CSVs are never taken for generic ones.
    /// </summary>
    public bool CanRead(string fileName, ReadOnlySpan<byte> head)
        => FileHead.HasExtension(fileName, ".csv", ".tsv", ".txt") && SniffDelimiter(FileHead.FirstLine(head)) is not null;

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream content, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var (head, stream) = await StreamPeek.PeekAsync(content, 4096, cancellationToken);
        var mapping = context.CsvMapping ?? new CsvColumnMapping { Delimiter = SniffDelimiter(FileHead.FirstLine(head)) ?? ',' };
        using var lines = new LineReader(stream);
        var csv = new CsvReader(lines, mapping.Delimiter);
        var header = await csv.ReadAsync(cancellationToken);
        if (header is not { Error: null })
        {
            throw new InvalidDataException("The CSV has no readable header row; the first row must name the columns.");
        }

        var layout = CsvLayout.Resolve(mapping, Columns.Of(header.Fields), header.Fields);
        var allowDecimalComma = mapping.Delimiter != ',';
        while (await csv.ReadAsync(cancellationToken) is { } row)
        {
            yield return row.Error is { } error
                ? ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{row.Location}: {error}.")
                : ReadRow(row, layout, allowDecimalComma, context.LocalTimeZone);
        }
    }

    private static ImportRecord ReadRow(CsvRecord row, CsvLayout layout, bool allowDecimalComma, TimeZoneInfo zone)
    {
        var where = row.Location;
        var code = layout.Type ?? layout.Columns.Get(row, layout.TypeColumn!)?.Trim();
        if (string.IsNullOrEmpty(code) || !VitalCatalog.TryGet(code, out var vital))
        {
            return ImportRecord.Rejected(ImportReasons.UnsupportedRecordType, $"{where}: '{code}' is not a vital code of the catalogue (heart_rate, steps, spo2, …).");
        }

        var timeText = layout.Columns.Get(row, layout.TimeColumn);
        if (!TryTime(timeText, zone, out var time))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: time '{timeText}' is neither RFC 3339 nor a local yyyy-MM-dd HH:mm[:ss].");
        }

        DateTimeOffset? end = null;
        var endText = layout.EndColumn is null ? null : layout.Columns.Get(row, layout.EndColumn);
        if (!string.IsNullOrWhiteSpace(endText))
        {
            if (!TryTime(endText, zone, out var parsedEnd))
            {
                return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: end '{endText}' is neither RFC 3339 nor a local time.");
            }

            end = parsedEnd;
        }

        var unit = layout.Unit ?? (layout.UnitColumn is null ? null : layout.Columns.Get(row, layout.UnitColumn)?.Trim());
        var valueText = layout.Columns.Get(row, layout.ValueColumn)?.Trim() ?? string.Empty;
        var sample = Build(vital, time, end, valueText, unit ?? string.Empty, allowDecimalComma, out var problem);
        return sample is null
            ? ImportRecord.Rejected(problem.Reason, $"{where}: {problem.Detail}")
            : Samples.Emit(sample, where);
    }

    /// <summary>The value column's text read according to the vital's shape.</summary>
    private static EnvelopeSample? Build(
        VitalDefinition vital, DateTimeOffset time, DateTimeOffset? end, string text, string unit, bool allowDecimalComma,
        out (string Reason, string Detail) problem)
    {
        problem = (ImportReasons.UnreadableRecord, $"{vital.Code} value '{text}' is not a number.");
        switch (vital.Shape)
        {
            case VitalShape.Scalar:
                return Numbers.TryParse(text, allowDecimalComma, out var scalar) ? Samples.Scalar(vital, time, scalar, unit) : null;

            case VitalShape.Quantity:
                return Numbers.TryParse(text, allowDecimalComma, out var amount) ? Samples.Quantity(vital, time, end, amount, unit) : null;

            case VitalShape.BloodPressure:
                var parts = text.Split('/', StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && Numbers.TryParse(parts[0], allowDecimalComma, out var systolic)
                    && Numbers.TryParse(parts[1], allowDecimalComma, out var diastolic))
                {
                    return Samples.BloodPressure(time, systolic, diastolic, unit);
                }

                problem = (ImportReasons.UnreadableRecord, $"blood_pressure value '{text}' is not systolic/diastolic (120/80).");
                return null;

            case VitalShape.Series:
                var values = new List<double>();
                foreach (var part in text.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!Numbers.TryParse(part, allowDecimalComma, out var number))
                    {
                        problem = (ImportReasons.UnreadableRecord, $"{vital.Code} value '{part}' is not a number (series are separated by spaces or '|').");
                        return null;
                    }

                    values.Add(number);
                }

                return Samples.Series(vital, time, values, unit);

            case VitalShape.CategoryInterval:
                if (end is not { } until)
                {
                    problem = (ImportReasons.UnreadableRecord, $"{vital.Code} needs an end column.");
                    return null;
                }

                return Samples.SleepStage(time, until, text);

            case VitalShape.Category:
                return Samples.Category(vital, time, end, text);

            default:
                problem = (ImportReasons.UnsupportedRecordType, $"{vital.Code} recordings are not imported from CSV.");
                return null;
        }
    }

    private static bool TryTime(string? text, TimeZoneInfo zone, out DateTimeOffset time)
    {
        if (Times.TryParseWithOffset(text, out time))
        {
            return true;
        }

        if (Times.TryParseLocal(text, out var local))
        {
            time = WireTime.InZone(local, zone);
            return true;
        }

        return false;
    }

    /// <summary>The delimiter whose split of the header gives time, value and type columns; null when none does.</summary>
    private static char? SniffDelimiter(string firstLine)
    {
        foreach (var delimiter in Delimiters)
        {
            var names = FileHead.HeaderColumns(firstLine, delimiter);
            if (names.Contains("time", StringComparer.OrdinalIgnoreCase) && names.Contains("value", StringComparer.OrdinalIgnoreCase)
                && names.Contains("type", StringComparer.OrdinalIgnoreCase))
            {
                return delimiter;
            }
        }

        return null;
    }
}
