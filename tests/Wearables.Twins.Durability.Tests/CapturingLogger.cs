using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Durability.Tests;

/// <summary>Keeps every log entry so tests can assert what the log reported.</summary>
internal sealed class CapturingLogger : ILogger<SegmentedTelemetryLog>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> WithEventId(int eventId) => [.. _entries.Where(e => e.EventId == eventId)];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        _entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception), exception, values.ToDictionary(kv => kv.Key, kv => kv.Value)));
    }
}

internal sealed record LogEntry(LogLevel Level, int EventId, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Values);
