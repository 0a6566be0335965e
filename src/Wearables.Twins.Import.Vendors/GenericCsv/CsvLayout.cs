using Wearables.Twins.Import.Vendors.Common;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Vendors.GenericCsv;

/// <summary>
/// The mapping checked against the header once, before any row: a missing column or an unknown fixed vital is a
/// problem of the whole file, so it stops the import with one clear message instead of rejecting every row.
/// Columns the mapping leaves unset fall back to conventional names when the header has them: <c>type</c> (when no
/// fixed type is given), <c>unit</c> (when no fixed unit is given) and <c>end</c>.
/// </summary>
internal sealed record CsvLayout(
    Columns Columns, string TimeColumn, string? EndColumn, string ValueColumn, string? UnitColumn, string? Unit,
    string? TypeColumn, string? Type)
{
    public static CsvLayout Resolve(CsvColumnMapping mapping, Columns columns, IReadOnlyList<string> header)
    {
        var typeColumn = mapping.TypeColumn ?? (mapping.Type is null && columns.Has("type") ? "type" : null);
        var unitColumn = mapping.UnitColumn ?? (mapping.Unit is null && columns.Has("unit") ? "unit" : null);
        var endColumn = mapping.EndColumn ?? (columns.Has("end") ? "end" : null);
        if (typeColumn is null && mapping.Type is null)
        {
            throw new InvalidDataException("The CSV mapping names neither a vital (Type) nor a column holding it (TypeColumn), and the header has no 'type' column.");
        }

        if (mapping.Type is not null && !VitalCatalog.TryGet(mapping.Type, out _))
        {
            throw new InvalidDataException(
                $"'{mapping.Type}' is not a vital code; use one of: {string.Join(", ", VitalCatalog.All.Select(v => v.Code))}.");
        }

        var missing = new[] { mapping.TimeColumn, mapping.ValueColumn, typeColumn, unitColumn, endColumn }
            .Where(c => c is not null && !columns.Has(c))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"The CSV header ({string.Join(mapping.Delimiter, header)}) has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
        }

        return new CsvLayout(columns, mapping.TimeColumn, endColumn, mapping.ValueColumn, unitColumn, mapping.Unit, typeColumn, mapping.Type);
    }
}
