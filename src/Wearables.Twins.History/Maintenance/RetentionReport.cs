namespace Wearables.Twins.History.Maintenance;

/// <summary>Files deleted by a retention pass, per vital code.</summary>
public sealed record RetentionReport(IReadOnlyDictionary<string, int> FilesDeleted);
