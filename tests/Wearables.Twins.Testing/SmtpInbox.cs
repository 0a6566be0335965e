using System.Text.Json;

namespace Wearables.Twins.Testing;

/// <summary>Reads what smtp4dev received, through its REST API. Tests use unique recipient addresses, so they can share the server.</summary>
public sealed class SmtpInbox(SmtpServer server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.Api };

    public sealed record Mail(string Id, string Subject, string Text, string Html);

    /// <summary>Every message to <paramref name="address"/> received so far.</summary>
    public async Task<IReadOnlyList<Mail>> ForAsync(string address)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/api/messages?pageSize=500", UriKind.Relative)));
        var items = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement
            : document.RootElement.GetProperty("results");
        var mails = new List<Mail>();
        foreach (var item in items.EnumerateArray())
        {
            if (!item.GetProperty("to").ToString().Contains(address, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var id = item.GetProperty("id").ToString();
            mails.Add(new Mail(id, item.GetProperty("subject").GetString() ?? string.Empty,
                await _http.GetStringAsync(new Uri($"/api/messages/{id}/plaintext", UriKind.Relative)),
                await _http.GetStringAsync(new Uri($"/api/messages/{id}/html", UriKind.Relative))));
        }

        return mails;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> messages to the address arrived. The SMTP server accepted them
    /// before SendAsync returned, but stores them asynchronously, and its API offers no event to await.
    /// </summary>
    public async Task<IReadOnlyList<Mail>> WaitForAsync(string address, int count = 1)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var mails = await ForAsync(address);
            if (mails.Count >= count || DateTimeOffset.UtcNow > deadline)
            {
                return mails;
            }

            await Task.Delay(100);
        }
    }

    public void Dispose() => _http.Dispose();
}
