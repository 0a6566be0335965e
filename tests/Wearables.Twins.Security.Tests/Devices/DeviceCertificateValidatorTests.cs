using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Wearables.Twins.Security.Devices;
using static Wearables.Twins.Security.Tests.Devices.TestAuthority;

namespace Wearables.Twins.Security.Tests.Devices;

/// <summary>The chain-only check both TLS doors make: which certificates are a device, and the reason code for the rest.</summary>
public sealed class DeviceCertificateValidatorTests : IDisposable
{
    private static readonly DateTimeOffset Now = Created.AddDays(10);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly TempDirectory _data = new();
    private readonly DeviceCertificateAuthority _authority;

    public DeviceCertificateValidatorTests() => _authority = Create(Path.Combine(_data.Root, "ours"));

    public void Dispose()
    {
        _authority.Dispose();
        _data.Dispose();
    }

    [Fact]
    public void AnIssuedCertificateIsAcceptedAsItsDevice()
    {
        using var issued = _authority.IssueWithNewKey("watch-42", Now, Lifetime);

        var verdict = DeviceCertificateValidator.Validate(issued, _authority.Certificate, Now.AddHours(1));

        Assert.True(verdict.IsAccepted, verdict.Detail);
        Assert.Equal("watch-42", verdict.DeviceId);
        Assert.Equal(issued.SerialNumber, verdict.Serial);
        Assert.Equal(Now + Lifetime, verdict.NotAfter);
        Assert.Null(verdict.Refusal);
        Assert.Null(verdict.Detail);
    }

    [Fact]
    public void ACertificateIssuedForASigningRequestIsAcceptedToo_WithOrWithoutItsKey()
    {
        using var key = RSA.Create(2048);
        var pem = new CertificateRequest("CN=evil", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequestPem();
        using var issued = _authority.IssueForRequest("watch-7", pem, Now, Lifetime);

        Assert.Equal("watch-7", DeviceCertificateValidator.Validate(issued, _authority.Certificate, Now).DeviceId);
        // What the TLS layer hands over: the certificate as the peer sent it, parsed from its bytes.
        using var presented = X509CertificateLoader.LoadCertificate(issued.RawData);
        Assert.Equal("watch-7", DeviceCertificateValidator.Validate(presented, _authority.Certificate, Now).DeviceId);
    }

    [Fact]
    public void ACertificateOfAnotherAuthorityIsUntrusted()
    {
        using var other = Create(Path.Combine(_data.Root, "theirs"));
        using var foreign = other.IssueWithNewKey("watch-42", Now, Lifetime);

        var verdict = DeviceCertificateValidator.Validate(foreign, _authority.Certificate, Now);

        AssertRefused(verdict, DeviceCertificateRefusals.Untrusted, foreign);
    }

    [Fact]
    public void AnImpostorAuthorityWithTheSameNameIsUntrusted()
    {
        // Same subject, same key identifier extension shape, different key: only the signature tells them apart.
        using var impostor = Create(Path.Combine(_data.Root, "impostor"));
        Assert.Equal(_authority.Certificate.Subject, impostor.Certificate.Subject);
        using var forged = impostor.IssueWithNewKey("watch-42", Now, Lifetime);

        var verdict = DeviceCertificateValidator.Validate(forged, _authority.Certificate, Now);

        AssertRefused(verdict, DeviceCertificateRefusals.Untrusted, forged);
    }

    [Fact]
    public void ASelfSignedCertificateNamingADeviceIsUntrusted()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(CommonName("watch-42"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuthentication)], false));
        using var selfSigned = request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(1));

        AssertRefused(DeviceCertificateValidator.Validate(selfSigned, _authority.Certificate, Now), DeviceCertificateRefusals.Untrusted, selfSigned);
    }

    [Fact]
    public void TheAuthoritysOwnCertificateIsNotADevice()
    {
        var verdict = DeviceCertificateValidator.Validate(_authority.Certificate, _authority.Certificate, Now);

        AssertRefused(verdict, DeviceCertificateRefusals.Untrusted, _authority.Certificate);
    }

    [Fact]
    public void ACertificateIsExpiredFromItsNotAfterOn_ButNotASecondBefore()
    {
        using var issued = _authority.IssueWithNewKey("watch-42", Now, Lifetime);
        var end = NotAfter(issued);

        Assert.True(DeviceCertificateValidator.Validate(issued, _authority.Certificate, end.AddSeconds(-1)).IsAccepted);
        AssertRefused(DeviceCertificateValidator.Validate(issued, _authority.Certificate, end), DeviceCertificateRefusals.Expired, issued);
        AssertRefused(DeviceCertificateValidator.Validate(issued, _authority.Certificate, end.AddDays(400)), DeviceCertificateRefusals.Expired, issued);
    }

    [Fact]
    public void ACertificateNotYetValidIsRefusedAsExpired()
    {
        using var issued = _authority.IssueWithNewKey("watch-42", Now, Lifetime);

        var verdict = DeviceCertificateValidator.Validate(issued, _authority.Certificate, NotBefore(issued).AddSeconds(-1));

        AssertRefused(verdict, DeviceCertificateRefusals.Expired, issued);
    }

    [Fact]
    public void AServerCertificateIsNotForClients()
    {
        using var server = _authority.IssueServerCertificate(["watch-42"], Now, Lifetime);

        var verdict = DeviceCertificateValidator.Validate(server, _authority.Certificate, Now);

        AssertRefused(verdict, DeviceCertificateRefusals.WrongUsage, server);
    }

    [Fact]
    public void ACertificateForBothUsesIsAccepted()
    {
        using var both = SignedBy(_authority, CommonName("watch-42"), Now, Now + Lifetime, ServerAuthentication, ClientAuthentication);

        var verdict = DeviceCertificateValidator.Validate(both, _authority.Certificate, Now);

        Assert.True(verdict.IsAccepted, verdict.Detail);
        Assert.Equal("watch-42", verdict.DeviceId);
    }

    [Fact]
    public void ACertificateOfTheAuthorityWithAnEmptySubjectNamesNoDevice()
    {
        using var nameless = SignedBy(_authority, new X500DistinguishedName(""), Now, Now + Lifetime, ClientAuthentication);

        var verdict = DeviceCertificateValidator.Validate(nameless, _authority.Certificate, Now);

        AssertRefused(verdict, DeviceCertificateRefusals.NoDeviceName, nameless);
    }

    [Fact]
    public void ACertificateOfTheAuthorityWithAnEmptyCommonNameNamesNoDevice()
    {
        using var nameless = SignedBy(_authority, new X500DistinguishedName("CN=\"\""), Now, Now + Lifetime, ClientAuthentication);

        var verdict = DeviceCertificateValidator.Validate(nameless, _authority.Certificate, Now);

        AssertRefused(verdict, DeviceCertificateRefusals.NoDeviceName, nameless);
    }

    [Fact]
    public void ACertificateOfTheAuthorityWithoutACommonNameNamesNoDevice_EvenWithOtherNameParts()
    {
        // The device id is the common name only: an organisation or unit is not a device.
        using var nameless = SignedBy(_authority, new X500DistinguishedName("O=watch-42, OU=devices"), Now, Now + Lifetime, ClientAuthentication);

        var verdict = DeviceCertificateValidator.Validate(nameless, _authority.Certificate, Now);

        AssertRefused(verdict, DeviceCertificateRefusals.NoDeviceName, nameless);
    }

    private static void AssertRefused(DeviceCertificateVerdict verdict, string refusal, X509Certificate2 presented)
    {
        Assert.False(verdict.IsAccepted);
        Assert.Equal(refusal, verdict.Refusal);
        Assert.Null(verdict.DeviceId);
        Assert.Equal(presented.SerialNumber, verdict.Serial);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Detail));
        Assert.Contains(presented.SerialNumber, verdict.Detail, StringComparison.Ordinal);
    }
}
