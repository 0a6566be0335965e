namespace Wearables.Twins.Import.Vendors.Common;

/// <summary>A CSV header: column positions by name, case-insensitively.</summary>
internal sealed class Columns
{
    private readonly Dictionary<string, int> _index;

    private Columns(Dictionary<string, int> index) => _index = index;

    public static Columns Of(IReadOnlyList<string> header)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i].Trim(), i);
        }

        return new Columns(index);
    }

    public bool Has(string name) => _index.ContainsKey(name);

    /// <summary>The field under <paramref name="name"/>, or null when the column is absent or the row is short.</summary>
    public string? Get(CsvRecord row, string name)
        => _index.TryGetValue(name, out var i) && i < row.Fields.Count ? row.Fields[i] : null;
}
