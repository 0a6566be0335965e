using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Workers.Notifications.Contacts;

/// <summary>Contact preferences as JSON rows in a local SQLite file (default <c>{DataDirectory}/notifications/contacts.db</c>).</summary>
public sealed class SqliteContactDirectory : IContactDirectory, IDisposable
{
    private readonly SqliteGate _db;

    public SqliteContactDirectory(IOptions<NotificationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _db = new SqliteGate(options.Value.ContactsDatabasePath, """
            CREATE TABLE IF NOT EXISTS contacts (
                patient_id  TEXT PRIMARY KEY,
                preferences TEXT NOT NULL
            );
            """);
    }

    public Task<ContactPreferences?> GetAsync(string patientId, CancellationToken cancellationToken = default)
        => _db.RunAsync(connection => Read(connection, patientId), cancellationToken);

    public Task UpsertAsync(ContactPreferences preferences, CancellationToken cancellationToken = default)
    {
        var problems = ContactPreferencesValidation.Validate(preferences);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(preferences));
        }

        return _db.RunAsync(connection => Write(connection, preferences), cancellationToken);
    }

    public Task<bool> SetOptOutAsync(string patientId, bool optedOut, CancellationToken cancellationToken = default)
        => _db.RunAsync(connection =>
        {
            if (Read(connection, patientId) is not { } current)
            {
                return false;
            }

            Write(connection, current with { OptedOut = optedOut });
            return true;
        }, cancellationToken);

    public Task<bool> DeleteAsync(string patientId, CancellationToken cancellationToken = default)
        => _db.RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM contacts WHERE patient_id = $p;";
            command.Parameters.AddWithValue("$p", patientId);
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);

    public void Dispose() => _db.Dispose();

    private static ContactPreferences? Read(SqliteConnection connection, string patientId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT preferences FROM contacts WHERE patient_id = $p;";
        command.Parameters.AddWithValue("$p", patientId);
        return command.ExecuteScalar() is string json
            ? JsonSerializer.Deserialize(json, WorkersJsonContext.Default.ContactPreferences)
            : null;
    }

    private static bool Write(SqliteConnection connection, ContactPreferences preferences)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO contacts (patient_id, preferences) VALUES ($p, $json)
            ON CONFLICT(patient_id) DO UPDATE SET preferences = $json;
            """;
        command.Parameters.AddWithValue("$p", preferences.PatientId);
        command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(preferences, WorkersJsonContext.Default.ContactPreferences));
        command.ExecuteNonQuery();
        return true;
    }
}
