using Orleans.Storage;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>
/// Options of one named SQLite grain storage provider.
/// </summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>The silo lifecycle stage at which the database is opened (and, on stop, drained and closed).</summary>
    public const int DefaultInitStage = ServiceLifecycleStage.ApplicationServices;

    /// <summary>The default upper bound on the operations applied in one transaction.</summary>
    public const int DefaultMaxBatchSize = 256;

    /// <summary>
    /// Path of the SQLite database file. Required. A relative path is resolved against the current directory;
    /// a missing parent directory is created when the provider starts.
    /// </summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// Serializer of grain state. When left null, a serializer registered as a keyed
    /// <see cref="IGrainStorageSerializer"/> under the provider name is used, else Orleans' binary
    /// <see cref="OrleansGrainStorageSerializer"/> (state types then need <c>[GenerateSerializer]</c>).
    /// </summary>
    public IGrainStorageSerializer? GrainStorageSerializer { get; set; }

    /// <summary>Silo lifecycle stage at which the provider opens the database. Defaults to <see cref="DefaultInitStage"/>.</summary>
    public int InitStage { get; set; } = DefaultInitStage;

    /// <summary>
    /// Most operations the background worker applies in one transaction (group commit). Defaults to
    /// <see cref="DefaultMaxBatchSize"/>; 1 turns group commit off.
    /// </summary>
    public int MaxBatchSize { get; set; } = DefaultMaxBatchSize;

    /// <summary>
    /// How long SQLite waits for a lock held by another process on the same file before failing an operation.
    /// Defaults to 5 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Configuration path the options were bound from (for example <c>Twins:Storage</c>), used only to name
    /// settings in validation messages. Set by the configuration-binding registration overloads.
    /// </summary>
    internal string? SettingsPath { get; set; }
}
