using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Workers.Notifications.Email;

/// <summary>
/// Sends over SMTP with MailKit (Amazon SES through its SMTP interface in AWS). One connection is kept open
/// and reused; after any failure it is dropped and the next send reconnects.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender, IDisposable
{
    private readonly SmtpSettings _settings;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SmtpClient _client = new();

    public SmtpEmailSender(IOptions<NotificationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value.Smtp;
        _client.Timeout = (int)_settings.Timeout.TotalMilliseconds;
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var mime = MimeMessages.Build(message, _settings);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_client.IsConnected)
            {
                await _client.ConnectAsync(_settings.Host, _settings.Port, _settings.Security, cancellationToken);
                if (!string.IsNullOrEmpty(_settings.Username))
                {
                    await _client.AuthenticateAsync(_settings.Username, _settings.Password ?? string.Empty, cancellationToken);
                }
            }

            await _client.SendAsync(mime, cancellationToken);
        }
        catch
        {
            // The connection's state is unknown after a failure: start afresh next time.
            await _client.DisconnectAsync(quit: false, CancellationToken.None);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _gate.Dispose();
    }
}
