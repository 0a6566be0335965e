using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Workers.Notifications.Sms;

/// <summary>The local SMS provider: appends one JSON line per message to a file under the data directory.</summary>
public sealed class FileSmsSender : ISmsSender, IDisposable
{
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public FileSmsSender(IOptions<NotificationOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = options.Value.SmsFilePath;
        _time = time;
    }

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = JsonSerializer.Serialize(
            new SmsFileRecord(message.IdempotencyKey, message.PhoneNumber, message.Language, message.Text, _time.GetUtcNow()),
            WorkersJsonContext.Default.SmsFileRecord) + "\n";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
            await using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
