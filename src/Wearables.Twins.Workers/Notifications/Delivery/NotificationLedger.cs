using Microsoft.Extensions.Options;

namespace Wearables.Twins.Workers.Notifications.Delivery;

/// <summary>
/// What was sent: one row per (recommendation, channel) makes sending idempotent by recommendation id, and
/// the send times per recipient drive the rate limit. Bounded: rows older than the rate window and 30 days
/// (whichever is longer) are pruned as new ones are written.
/// </summary>
public sealed class NotificationLedger : IDisposable
{
    private static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(30);
    private readonly SqliteGate _db;
    private readonly TimeSpan _retention;

    public NotificationLedger(IOptions<NotificationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _retention = options.Value.RateLimitWindow > MinimumRetention ? options.Value.RateLimitWindow : MinimumRetention;
        _db = new SqliteGate(options.Value.LedgerDatabasePath, """
            CREATE TABLE IF NOT EXISTS deliveries (
                recommendation_id TEXT NOT NULL,
                channel           TEXT NOT NULL,
                recipient         TEXT NOT NULL,
                sent_ms           INTEGER NOT NULL,
                PRIMARY KEY (recommendation_id, channel)
            );
            CREATE INDEX IF NOT EXISTS ix_deliveries_recipient ON deliveries(recipient, sent_ms);
            """);
    }

    public Task<bool> WasSentAsync(string recommendationId, string channel, CancellationToken cancellationToken)
        => _db.RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1 FROM deliveries WHERE recommendation_id = $r AND channel = $c;";
            command.Parameters.AddWithValue("$r", recommendationId);
            command.Parameters.AddWithValue("$c", channel);
            return command.ExecuteScalar() is not null;
        }, cancellationToken);

    /// <summary>
    /// Null when <paramref name="recipient"/> may get another message now; otherwise when the oldest send in the
    /// window leaves it, i.e. when a slot frees up.
    /// </summary>
    public Task<DateTimeOffset?> RateLimitedUntilAsync(string recipient, DateTimeOffset now, int max, TimeSpan window, CancellationToken cancellationToken)
        => _db.RunAsync<DateTimeOffset?>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT sent_ms FROM deliveries WHERE recipient = $who AND sent_ms > $since ORDER BY sent_ms DESC LIMIT $max;";
            command.Parameters.AddWithValue("$who", recipient);
            command.Parameters.AddWithValue("$since", (now - window).ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$max", max);
            using var reader = command.ExecuteReader();
            long oldest = 0;
            var count = 0;
            while (reader.Read())
            {
                oldest = reader.GetInt64(0);
                count++;
            }

            return count < max ? null : DateTimeOffset.FromUnixTimeMilliseconds(oldest) + window;
        }, cancellationToken);

    public Task RecordSentAsync(string recommendationId, string channel, string recipient, DateTimeOffset at, CancellationToken cancellationToken)
        => _db.RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT OR IGNORE INTO deliveries (recommendation_id, channel, recipient, sent_ms) VALUES ($r, $c, $who, $at);
                DELETE FROM deliveries WHERE sent_ms < $cutoff;
                """;
            command.Parameters.AddWithValue("$r", recommendationId);
            command.Parameters.AddWithValue("$c", channel);
            command.Parameters.AddWithValue("$who", recipient);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$cutoff", (at - _retention).ToUnixTimeMilliseconds());
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public void Dispose() => _db.Dispose();
}
