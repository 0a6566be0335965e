using System.Text.Json;
using Wearables.Twins.Testing;

namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>
/// When smtp4dev received each message: its <c>receivedDate</c> (UTC, 100 ns), stamped by the server as it stores the
/// mail right after answering 250 to DATA, on this machine's clock. The list API gives it without reading bodies.
/// </summary>
internal sealed class SmtpReceipts(SmtpServer server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.Api, Timeout = TimeSpan.FromSeconds(30) };

    public sealed record Receipt(string To, DateTimeOffset ReceivedAt, string Subject);

    /// <summary>Every message received so far whose recipient contains <paramref name="addressPart"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Receipt>> ForAsync(string addressPart, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/api/messages?pageSize=5000", UriKind.Relative), cancellationToken));
        var items = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement : document.RootElement.GetProperty("results");
        var receipts = new List<Receipt>();
        foreach (var item in items.EnumerateArray())
        {
            var received = item.GetProperty("receivedDate").GetDateTimeOffset();
            var subject = item.GetProperty("subject").GetString() ?? string.Empty;
            var to = item.GetProperty("to");
            foreach (var recipient in to.ValueKind == JsonValueKind.Array ? to.EnumerateArray() : Enumerable.Repeat(to, 1))
            {
                if (recipient.GetString() is { } address && address.Contains(addressPart, StringComparison.OrdinalIgnoreCase))
                {
                    receipts.Add(new Receipt(address, received, subject));
                }
            }
        }

        receipts.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));
        return receipts;
    }

    public void Dispose() => _http.Dispose();
}
