using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Wearables.Twins.Security.Devices;
using static Wearables.Twins.Security.Tests.Devices.TestAuthority;

namespace Wearables.Twins.Security.Tests.Devices;

/// <summary>The broker's own certificate, and a real mutual-TLS handshake between it and a device certificate.</summary>
public sealed class ServerCertificateTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void TheServerCertificateNamesEveryHostAndAddress_IsForServersOnly_AndCarriesItsKey()
    {
        using var authority = Create(_data.Root);
        var now = Created.AddDays(1);

        using var server = authority.IssueServerCertificate(["broker.example", "127.0.0.1", "::1", "BROKER.example", "localhost"], now, TimeSpan.FromDays(90));

        Assert.True(server.HasPrivateKey);
        Assert.Equal("CN=broker.example", server.Subject);
        Assert.Equal(now + TimeSpan.FromDays(90), NotAfter(server));
        var names = Assert.Single(server.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Equal(["broker.example", "localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
        var usages = Assert.Single(server.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal([ServerAuthentication], usages.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        Assert.False(Assert.Single(server.Extensions.OfType<X509BasicConstraintsExtension>()).CertificateAuthority);
        Assert.Equal(authority.Certificate.Subject, server.Issuer);
        Assert.True(server.MatchesHostname("broker.example"));
        Assert.True(server.MatchesHostname("127.0.0.1"));
        Assert.False(server.MatchesHostname("elsewhere.example"));
    }

    [Fact]
    public void OnlyAddressesStillGiveACommonName()
    {
        using var authority = Create(_data.Root);

        using var server = authority.IssueServerCertificate(["10.0.0.5"], Created, TimeSpan.FromDays(1));

        Assert.Equal("CN=localhost", server.Subject);
        var names = Assert.Single(server.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Empty(names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Parse("10.0.0.5")], names.EnumerateIPAddresses());
    }

    [Fact]
    public async Task ADeviceAndTheBrokerCompleteAMutualTlsHandshake_EachTrustingOnlyTheAuthority()
    {
        // Real time: the platform's TLS checks validity against the wall clock.
        var now = DateTimeOffset.UtcNow;
        using var authority = Create(_data.Root, now);
        using var server = authority.IssueServerCertificate(["localhost", "127.0.0.1"], now, TimeSpan.FromDays(1));
        using var device = authority.IssueWithNewKey("watch-42", now, TimeSpan.FromDays(1));

        var (serverSide, clientSide) = await ConnectedStreamsAsync();
        await using var serverTls = new SslStream(serverSide);
        await using var clientTls = new SslStream(clientSide);

        DeviceCertificateVerdict? verdict = null;
        var serverOptions = new SslServerAuthenticationOptions
        {
            ServerCertificate = server,
            ClientCertificateRequired = true,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                verdict = DeviceCertificateValidator.Validate((X509Certificate2)certificate!, authority.Certificate, DateTimeOffset.UtcNow);
                return verdict.IsAccepted;
            },
        };
        var clientOptions = new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificateContext = SslStreamCertificateContext.Create(device, additionalCertificates: null),
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            // The device trusts the broker through the authority's PEM alone, as a provisioned device does.
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                && ChainsTo((X509Certificate2)certificate!, authority.CertificatePem),
        };

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Task.WhenAll(
            serverTls.AuthenticateAsServerAsync(serverOptions, timeout.Token),
            clientTls.AuthenticateAsClientAsync(clientOptions, timeout.Token));

        Assert.True(serverTls.IsMutuallyAuthenticated);
        Assert.NotNull(verdict);
        Assert.True(verdict.IsAccepted, verdict.Detail);
        Assert.Equal("watch-42", verdict.DeviceId);
        Assert.Equal(device.SerialNumber, verdict.Serial);
        var presented = Assert.IsType<X509Certificate2>(serverTls.RemoteCertificate, exactMatch: false);
        Assert.Equal(device.Thumbprint, presented.Thumbprint);

        await clientTls.WriteAsync("ping"u8.ToArray(), timeout.Token);
        var buffer = new byte[4];
        await serverTls.ReadExactlyAsync(buffer, timeout.Token);
        Assert.Equal("ping"u8.ToArray(), buffer);
    }

    [Fact]
    public async Task TheBrokerRefusesADeviceCertificateFromAnotherAuthority()
    {
        var now = DateTimeOffset.UtcNow;
        using var authority = Create(Path.Combine(_data.Root, "ours"), now);
        using var stranger = Create(Path.Combine(_data.Root, "theirs"), now);
        using var server = authority.IssueServerCertificate(["localhost"], now, TimeSpan.FromDays(1));
        using var device = stranger.IssueWithNewKey("watch-42", now, TimeSpan.FromDays(1));

        var (serverSide, clientSide) = await ConnectedStreamsAsync();
        await using var serverTls = new SslStream(serverSide);
        await using var clientTls = new SslStream(clientSide);

        DeviceCertificateVerdict? verdict = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var serverHandshake = serverTls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = server,
            ClientCertificateRequired = true,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                verdict = certificate is null
                    ? null
                    : DeviceCertificateValidator.Validate((X509Certificate2)certificate, authority.Certificate, DateTimeOffset.UtcNow);
                return verdict?.IsAccepted ?? false;
            },
        }, timeout.Token);
        var clientHandshake = clientTls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificateContext = SslStreamCertificateContext.Create(device, additionalCertificates: null),
            RemoteCertificateValidationCallback = (_, certificate, _, _) => ChainsTo((X509Certificate2)certificate!, authority.CertificatePem),
        }, timeout.Token);

        await Assert.ThrowsAsync<AuthenticationException>(() => serverHandshake);
        // The client learns of the refusal by an alert or a closed connection, depending on the TLS version.
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await clientHandshake;
            var buffer = new byte[1];
            if (await clientTls.ReadAsync(buffer, timeout.Token) == 0)
            {
                throw new IOException("closed");
            }
        });
        Assert.NotNull(verdict);
        Assert.Equal(DeviceCertificateRefusals.Untrusted, verdict.Refusal);
    }

    private static bool ChainsTo(X509Certificate2 certificate, string authorityPem)
    {
        using var trusted = X509Certificate2.CreateFromPem(authorityPem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ServerAuthentication));
        return chain.Build(certificate) && chain.ChainElements[^1].Certificate.Thumbprint == trusted.Thumbprint;
    }

    private static async Task<(NetworkStream Server, NetworkStream Client)> ConnectedStreamsAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accepted = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!);
        var server = await accepted;
        return (new NetworkStream(server, ownsSocket: true), new NetworkStream(client, ownsSocket: true));
    }
}
