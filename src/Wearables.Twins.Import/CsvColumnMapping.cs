namespace Wearables.Twins.Import;

/// <summary>
/// How a generic CSV file maps onto samples. Either <see cref="Type"/> names one vital for every row, or
/// <see cref="TypeColumn"/> names the column holding the vital code per row.
/// </summary>
public sealed record CsvColumnMapping
{
    public string TimeColumn { get; init; } = "time";

    public string? EndColumn { get; init; }

    public string ValueColumn { get; init; } = "value";

    public string? UnitColumn { get; init; }

    /// <summary>Unit for every row when there is no unit column.</summary>
    public string? Unit { get; init; }

    public string? TypeColumn { get; init; }

    /// <summary>Vital code for every row when there is no type column.</summary>
    public string? Type { get; init; }

    public char Delimiter { get; init; } = ',';
}
