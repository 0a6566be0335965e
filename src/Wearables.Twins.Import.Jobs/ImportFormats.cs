namespace Wearables.Twins.Import.Jobs;

/// <summary>Finds the importer for a file: by the format asked for, or by looking at the file.</summary>
public sealed class ImportFormats(IEnumerable<IHealthDataImporter> importers)
{
    public const string Auto = "auto";
    public const int HeadBytes = 4096;

    private readonly IReadOnlyList<IHealthDataImporter> _importers = [.. importers];

    public IEnumerable<string> Names => _importers.Select(i => i.Format);

    public bool IsKnown(string? format)
        => format is null || format == Auto || _importers.Any(i => i.Format == format);

    /// <summary>The importer named, or the one that recognises the file's name and first bytes; null when none does.</summary>
    public IHealthDataImporter? Find(string? format, string fileName, ReadOnlySpan<byte> head)
    {
        if (format is not null && format != Auto)
        {
            return _importers.FirstOrDefault(i => i.Format == format);
        }

        foreach (var importer in _importers)
        {
            if (importer.CanRead(fileName, head))
            {
                return importer;
            }
        }

        return null;
    }
}
