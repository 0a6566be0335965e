using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using Wearables.Twins.Ingest.Mqtt.Options;

namespace Wearables.Twins.Ingest.Mqtt.Client;

/// <summary>Turns client-mode settings into MQTTnet options: MQTT 5, persistent session, mutual TLS from PEM files.</summary>
internal static class MqttClientOptionsFactory
{
    public static MqttClientOptions Create(MqttClientModeOptions settings)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(settings.ClientId ?? MqttClientModeOptions.DefaultClientId())
            // A persistent session: what arrives while this silo reconnects is queued for it, not lost.
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)settings.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum((ushort)settings.MaxInFlight)
            .WithKeepAlivePeriod(settings.KeepAlive)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (settings.Username is not null)
        {
            builder.WithCredentials(settings.Username, settings.Password);
        }

        if (settings.WithoutPacketFragmentation)
        {
            builder.WithoutPacketFragmentation();
        }

        if (settings.UseTls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(settings.Host);
                if (settings.CaCertificatePath is not null)
                {
                    var chain = new X509Certificate2Collection();
                    chain.ImportFromPemFile(settings.CaCertificatePath);
                    tls.WithTrustChain(chain);
                }

                if (settings.ClientCertificatePath is not null && settings.ClientKeyPath is not null)
                {
                    tls.WithClientCertificates([X509Certificate2.CreateFromPemFile(settings.ClientCertificatePath, settings.ClientKeyPath)]);
                }
            });
        }

        return builder.Build();
    }
}
