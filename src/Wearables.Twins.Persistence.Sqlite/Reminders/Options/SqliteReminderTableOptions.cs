namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>Options of the SQLite reminder table (one per silo).</summary>
public sealed class SqliteReminderTableOptions
{
    /// <summary>
    /// Path of the SQLite database file holding the reminders. Required. A relative path is resolved against the
    /// current directory; a missing parent directory is created when the table starts. Use a file of its own (not the
    /// grain storage's), so reminder writes never wait behind grain state writes.
    /// </summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// How long SQLite waits for a lock held by another connection to the same file before failing an operation.
    /// Defaults to 5 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Configuration path the options were bound from (for example <c>Twins:Reminders:Sqlite</c>), used only to name
    /// settings in validation messages. Set by the configuration-binding registration overload.
    /// </summary>
    internal string? SettingsPath { get; set; }
}
