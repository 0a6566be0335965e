using System.Text.Json;

namespace Wearables.Twins.Dashboard.Tests.Infrastructure;

/// <summary>Reads <c>text/event-stream</c> frames from a response body: the event name and its JSON data.</summary>
internal sealed class EventStreamReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body);

    /// <summary>Comment lines seen so far (heartbeats).</summary>
    public int Comments { get; private set; }

    /// <summary>The next event, or null when the server closed the stream.</summary>
    public async Task<(string Name, JsonElement Data)?> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        string? data = null;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return (name ?? "message", JsonDocument.Parse(data).RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments++;
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = data is null ? line["data: ".Length..] : data + "\n" + line["data: ".Length..];
            }
        }

        return null;
    }

    /// <summary>Skips events until one named <paramref name="name"/> whose data satisfies <paramref name="matches"/>.</summary>
    public async Task<JsonElement> NextAsync(string name, Func<JsonElement, bool> matches, CancellationToken cancellationToken)
    {
        while (await NextAsync(cancellationToken) is { } next)
        {
            if (next.Name == name && matches(next.Data))
            {
                return next.Data;
            }
        }

        throw new InvalidOperationException($"The stream ended before a matching '{name}' event.");
    }

    public void Dispose() => _reader.Dispose();
}
