using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Wearables.Twins.Security.Devices;
using static Wearables.Twins.Security.Tests.Devices.TestAuthority;

namespace Wearables.Twins.Security.Tests.Devices;

/// <summary>The device authority is two PEM files, created once and reused; a half-present pair is an error, not a new authority.</summary>
public sealed class DeviceCertificateAuthorityLoadTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void FirstLoadCreatesBothFiles_TheKeyReadableByItsOwnerOnly_AndLaterLoadsReuseThem()
    {
        var (certificatePath, keyPath) = (CertificatePath(_data.Root), KeyPath(_data.Root));

        string thumbprint;
        using (var created = Create(_data.Root))
        {
            thumbprint = created.Certificate.Thumbprint;
            Assert.True(created.Certificate.HasPrivateKey);
            Assert.Equal(created.Certificate.ExportCertificatePem(), created.CertificatePem);
            var constraints = Assert.Single(created.Certificate.Extensions.OfType<X509BasicConstraintsExtension>());
            Assert.True(constraints.CertificateAuthority);
            Assert.NotNull(created.Certificate.GetECDsaPublicKey());
            Assert.Equal(Created.AddYears(10), NotAfter(created.Certificate));
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        }

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(keyPath), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(certificatePath), StringComparison.Ordinal);
        var keyPem = File.ReadAllText(keyPath);

        // A later start (another day) reuses the authority rather than creating one.
        using var again = Create(_data.Root, Created.AddDays(3));
        using var readOnly = DeviceCertificateAuthority.Load(certificatePath, keyPath, create: false, TimeProvider.System);
        Assert.Equal(thumbprint, again.Certificate.Thumbprint);
        Assert.Equal(thumbprint, readOnly.Certificate.Thumbprint);
        Assert.True(readOnly.Certificate.HasPrivateKey);
        Assert.Equal(keyPem, File.ReadAllText(keyPath));
        Assert.Equal([keyPath, certificatePath], Directory.GetFiles(Path.GetDirectoryName(keyPath)!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ConcurrentFirstLoadsAgreeOnOneAuthority()
    {
        // Several rounds on fresh paths, so the creators really do race for the same missing files.
        for (var round = 0; round < 10; round++)
        {
            var root = Path.Combine(_data.Root, "round-" + round);
            using var start = new Barrier(4);
            var loads = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                using var authority = Create(root);
                return authority.Certificate.Thumbprint;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

            var thumbprints = await Task.WhenAll(loads);

            using var onDisk = DeviceCertificateAuthority.Load(CertificatePath(root), KeyPath(root), create: false, TimeProvider.System);
            Assert.All(thumbprints, t => Assert.Equal(onDisk.Certificate.Thumbprint, t));
            // No lock file and none of the losers' temporary files are left behind.
            Assert.Equal([KeyPath(root), CertificatePath(root)], Directory.GetFiles(Path.GetDirectoryName(KeyPath(root))!).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task LoadsArrivingWhileAnotherCreatesTheAuthorityWaitForIt()
    {
        // Processes on one data directory do not start in lock step: later ones arrive while the first is writing the
        // pair (certificate first, key last). Staggered starts put some of them between the two writes.
        for (var round = 0; round < 40; round++)
        {
            var root = Path.Combine(_data.Root, "staggered-" + round);
            using var start = new Barrier(8);
            var loads = Enumerable.Range(0, 8).Select(k => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                var arrival = Stopwatch.StartNew();
                while (arrival.Elapsed < TimeSpan.FromMicroseconds(250 * k))
                {
                    Thread.SpinWait(10);
                }

                using var authority = Create(root);
                return authority.Certificate.Thumbprint;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

            var thumbprints = await Task.WhenAll(loads);

            Assert.Single(thumbprints.Distinct());
        }
    }

    [Fact]
    public void LoadWithoutCreateOnAMissingKeyNamesThePath_AndCreatesNothing()
    {
        var keyPath = KeyPath(_data.Root);

        var error = Assert.Throws<FileNotFoundException>(
            () => DeviceCertificateAuthority.Load(CertificatePath(_data.Root), keyPath, create: false, TimeProvider.System));

        Assert.Equal(keyPath, error.FileName);
        Assert.Contains(keyPath, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data.Root));
    }

    [Fact]
    public void ACertificateWithoutItsKeyIsAnError_NotAReasonToStartANewAuthority()
    {
        string certificatePem;
        using (var authority = Create(_data.Root))
        {
            certificatePem = authority.CertificatePem;
        }

        File.Delete(KeyPath(_data.Root));

        var error = Assert.Throws<FileNotFoundException>(() => Create(_data.Root));

        Assert.Equal(KeyPath(_data.Root), error.FileName);
        Assert.Contains(CertificatePath(_data.Root), error.Message, StringComparison.Ordinal);
        Assert.Equal(certificatePem, File.ReadAllText(CertificatePath(_data.Root)));
        Assert.False(File.Exists(KeyPath(_data.Root)));
    }

    [Fact]
    public void AKeyWithoutItsCertificateIsAnError()
    {
        using (Create(_data.Root))
        {
        }

        var keyPem = File.ReadAllText(KeyPath(_data.Root));
        File.Delete(CertificatePath(_data.Root));

        var error = Assert.Throws<FileNotFoundException>(() => Create(_data.Root));

        Assert.Equal(CertificatePath(_data.Root), error.FileName);
        Assert.False(File.Exists(CertificatePath(_data.Root)));
        Assert.Equal(keyPem, File.ReadAllText(KeyPath(_data.Root)));
    }

    [Fact]
    public void ACertificateThatIsNotAnAuthorityIsRefused()
    {
        using var authority = Create(_data.Root);
        using var leaf = authority.IssueWithNewKey("dev-1", Created, TimeSpan.FromDays(30));
        var directory = Path.Combine(_data.Root, "leaf");
        Directory.CreateDirectory(directory);
        var (certificatePath, keyPath) = (Path.Combine(directory, "ca.pem"), Path.Combine(directory, "ca-key.pem"));
        File.WriteAllText(certificatePath, leaf.ExportCertificatePem());
        using (var key = leaf.GetECDsaPrivateKey()!)
        {
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        }

        var error = Assert.Throws<InvalidOperationException>(
            () => DeviceCertificateAuthority.Load(certificatePath, keyPath, create: true, TimeProvider.System));
        Assert.Contains(certificatePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DifferentDataDirectoriesGetDifferentAuthorities()
    {
        using var first = Create(Path.Combine(_data.Root, "a"));
        using var second = Create(Path.Combine(_data.Root, "b"));

        Assert.NotEqual(first.Certificate.Thumbprint, second.Certificate.Thumbprint);
        Assert.NotEqual(first.Certificate.PublicKey.EncodedKeyValue.RawData, second.Certificate.PublicKey.EncodedKeyValue.RawData);
    }

    [Fact]
    public void AnAuthorityCreatedByAnotherToolMomentsAgoCanIssueAtOnce()
    {
        // An operator's own authority (openssl and friends start validity at "now"), used within minutes of its creation.
        var now = DateTimeOffset.UtcNow;
        var directory = Path.Combine(_data.Root, "operator");
        Directory.CreateDirectory(directory);
        var (certificatePath, keyPath) = (Path.Combine(directory, "ca.pem"), Path.Combine(directory, "ca-key.pem"));
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var request = new CertificateRequest(CommonName("Operator CA"), key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            using var certificate = request.CreateSelfSigned(now, now.AddYears(1));
            File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        }

        using var authority = DeviceCertificateAuthority.Load(certificatePath, keyPath, create: false, new FakeTimeProvider(now));
        using var issued = authority.IssueWithNewKey("dev-1", now, TimeSpan.FromDays(30));

        Assert.True(DeviceCertificateValidator.Validate(issued, authority.Certificate, now.AddSeconds(1)).IsAccepted);
    }
}
