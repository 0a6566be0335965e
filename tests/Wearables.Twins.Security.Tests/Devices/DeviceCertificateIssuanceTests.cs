using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using static Wearables.Twins.Security.Tests.Devices.TestAuthority;

namespace Wearables.Twins.Security.Tests.Devices;

/// <summary>What the authority writes into a device certificate, whoever chose the key.</summary>
public sealed class DeviceCertificateIssuanceTests : IDisposable
{
    private static readonly DateTimeOffset Now = Created.AddDays(10);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void ACertificateOnANewKeyNamesTheDeviceIsForClientsOnlyAndChainsToTheAuthority()
    {
        using var authority = Create(_data.Root);

        using var issued = authority.IssueWithNewKey("watch-42", Now, Lifetime);

        Assert.True(issued.HasPrivateKey);
        using (var key = issued.GetECDsaPrivateKey())
        {
            Assert.NotNull(key);
            Assert.Equal(256, key.KeySize);
        }

        AssertDeviceCertificate(issued, "watch-42", authority.Certificate);
        Assert.Equal(Now + Lifetime, NotAfter(issued));
        Assert.True(NotBefore(issued) <= Now);
    }

    [Fact]
    public void SerialsArePositive16ByteNumbers_DifferentEveryTime()
    {
        using var authority = Create(_data.Root);

        var serials = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 50; i++)
        {
            using var issued = authority.IssueWithNewKey("watch-42", Now, Lifetime);
            var bytes = issued.SerialNumberBytes.Span; // big-endian, as encoded
            Assert.Equal(16, bytes.Length);
            Assert.InRange(bytes[0], 0x01, 0x7F);
            Assert.Equal(32, issued.SerialNumber.Length);
            Assert.True(serials.Add(issued.SerialNumber));
        }
    }

    [Fact]
    public void ALifetimeBeyondTheAuthoritysOwnEndIsCutAtIt()
    {
        using var authority = Create(_data.Root);
        var authorityEnd = NotAfter(authority.Certificate);

        using var issued = authority.IssueWithNewKey("watch-42", Now, TimeSpan.FromDays(3650 * 2));
        using var request = CertificateRequest(ECDsa.Create(ECCurve.NamedCurves.nistP256), "CN=watch-42");
        using var fromRequest = authority.IssueForRequest("watch-42", request.Pem, authorityEnd.AddDays(-1), TimeSpan.FromDays(30));

        Assert.Equal(authorityEnd, NotAfter(issued));
        Assert.Equal(authorityEnd, NotAfter(fromRequest));
        AssertDeviceCertificate(issued, "watch-42", authority.Certificate, at: authorityEnd.AddSeconds(-1));
    }

    [Fact]
    public void AnEcdsaSigningRequestGetsACertificateForItsOwnKey_WithoutThePrivateKey()
    {
        using var authority = Create(_data.Root);
        using var request = CertificateRequest(ECDsa.Create(ECCurve.NamedCurves.nistP384), "CN=watch-7");

        using var issued = authority.IssueForRequest("watch-7", request.Pem, Now, Lifetime);

        Assert.False(issued.HasPrivateKey);
        Assert.Equal(request.PublicKey, issued.PublicKey.ExportSubjectPublicKeyInfo());
        AssertDeviceCertificate(issued, "watch-7", authority.Certificate);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, Assert.Single(issued.Extensions.OfType<X509KeyUsageExtension>()).KeyUsages);

        // The device's key and the certificate make a pair.
        using var paired = issued.CopyWithPrivateKey((ECDsa)request.Key);
        Assert.True(paired.HasPrivateKey);
    }

    [Fact]
    public void AnRsaSigningRequestGetsACertificateForItsOwnKey()
    {
        using var authority = Create(_data.Root);
        using var request = CertificateRequest(RSA.Create(2048), "CN=watch-rsa");

        using var issued = authority.IssueForRequest("watch-rsa", request.Pem, Now, Lifetime);

        Assert.Equal(request.PublicKey, issued.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.NotNull(issued.GetRSAPublicKey());
        AssertDeviceCertificate(issued, "watch-rsa", authority.Certificate);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
            Assert.Single(issued.Extensions.OfType<X509KeyUsageExtension>()).KeyUsages);
        using var paired = issued.CopyWithPrivateKey((RSA)request.Key);
        Assert.True(paired.HasPrivateKey);
    }

    [Fact]
    public void TheRequestsSubjectAndExtensionsAreIgnored()
    {
        using var authority = Create(_data.Root);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var asked = new CertificateRequest("CN=evil, O=Someone Else", key, HashAlgorithmName.SHA256);
        asked.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        asked.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("broker.example");
        asked.CertificateExtensions.Add(names.Build());

        using var issued = authority.IssueForRequest("watch-9", asked.CreateSigningRequestPem(), Now, Lifetime);

        Assert.Equal("CN=watch-9", issued.Subject);
        AssertDeviceCertificate(issued, "watch-9", authority.Certificate);
        Assert.DoesNotContain(issued.Extensions.Cast<X509Extension>(), e => e is X509SubjectAlternativeNameExtension);
    }

    [Fact]
    public void ARequestWhoseSignatureDoesNotVerifyIsRefused()
    {
        using var authority = Create(_data.Root);
        using var request = CertificateRequest(ECDsa.Create(ECCurve.NamedCurves.nistP256), "CN=watch-1");
        var der = Convert.FromBase64String(request.Pem[PemEncoding.Find(request.Pem).Base64Data]);

        // The signature is the last field: flipping its last byte leaves a well-formed request that no key signed.
        der[^1] ^= 0x01;
        var tampered = PemEncoding.WriteString("CERTIFICATE REQUEST", der);

        Assert.ThrowsAny<CryptographicException>(() => authority.IssueForRequest("watch-1", tampered, Now, Lifetime));
    }

    [Fact]
    public void ARequestSignedByAnotherKeyIsRefused()
    {
        using var authority = Create(_data.Root);
        using var claimed = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        // Claims one key, proves possession of another.
        var request = new CertificateRequest(new X500DistinguishedName("CN=watch-1"), new PublicKey(claimed), HashAlgorithmName.SHA256);
        var pem = request.CreateSigningRequestPem(X509SignatureGenerator.CreateForECDsa(signer));

        Assert.ThrowsAny<CryptographicException>(() => authority.IssueForRequest("watch-1", pem, Now, Lifetime));
    }

    [Fact]
    public void GarbageIsNotASigningRequest()
    {
        using var authority = Create(_data.Root);

        Assert.ThrowsAny<CryptographicException>(() => authority.IssueForRequest("watch-1", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----", Now, Lifetime));
        Assert.ThrowsAny<CryptographicException>(() => authority.IssueForRequest("watch-1", "not a pem", Now, Lifetime));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ABlankDeviceIdIsRefused(string deviceId)
    {
        using var authority = Create(_data.Root);

        Assert.Throws<ArgumentException>(() => authority.IssueWithNewKey(deviceId, Now, Lifetime));
    }

    internal static void AssertDeviceCertificate(X509Certificate2 issued, string deviceId, X509Certificate2 authority, DateTimeOffset? at = null)
    {
        Assert.Equal(deviceId, issued.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.Equal($"CN={deviceId}", issued.Subject);
        Assert.Equal(authority.Subject, issued.Issuer);

        var constraints = Assert.Single(issued.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.False(constraints.CertificateAuthority);
        var usages = Assert.Single(issued.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal([ClientAuthentication], usages.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        var keyUsage = Assert.Single(issued.Extensions.OfType<X509KeyUsageExtension>());
        Assert.False(keyUsage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = (at ?? Now).UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthentication));
        Assert.True(chain.Build(issued), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(authority.Thumbprint, chain.ChainElements[^1].Certificate.Thumbprint);
    }

    private static SigningRequest CertificateRequest(AsymmetricAlgorithm key, string subject)
    {
        var request = key switch
        {
            ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new ArgumentException("ECDSA or RSA", nameof(key)),
        };
        return new SigningRequest(key, request.CreateSigningRequestPem(), request.PublicKey.ExportSubjectPublicKeyInfo());
    }

    /// <summary>A device's PKCS#10 request with the key that stays on the device.</summary>
    private sealed record SigningRequest(AsymmetricAlgorithm Key, string Pem, byte[] PublicKey) : IDisposable
    {
        public void Dispose() => Key.Dispose();
    }
}
