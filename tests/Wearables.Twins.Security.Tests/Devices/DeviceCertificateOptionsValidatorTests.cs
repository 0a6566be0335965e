using Microsoft.Extensions.Options;
using Wearables.Twins.Security.Devices;

namespace Wearables.Twins.Security.Tests.Devices;

/// <summary>Every bad device-certificate or TLS setting is reported at start-up, by the setting's full name.</summary>
public sealed class DeviceCertificateOptionsValidatorTests : IDisposable
{
    private readonly DeviceCertificateOptionsValidator _validator = new();
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void TheDefaultsAreValid()
    {
        Assert.True(_validator.Validate(null, new DeviceCertificateOptions()).Succeeded);
        Assert.True(_validator.Validate(null, new TlsOptions()).Succeeded);
    }

    [Theory]
    [InlineData("ca.pem", null)]
    [InlineData(null, "ca-key.pem")]
    public void AuthorityPathsGoTogether(string? certificatePath, string? keyPath)
    {
        var result = _validator.Validate(null, new DeviceCertificateOptions { AuthorityCertificatePath = certificatePath, AuthorityKeyPath = keyPath });

        var failure = Assert.Single(Failures(result));
        Assert.Contains("Twins:Devices:Certificates:AuthorityCertificatePath", failure, StringComparison.Ordinal);
        Assert.Contains("Twins:Devices:Certificates:AuthorityKeyPath", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void BothAuthorityPathsAreFine_EvenBeforeTheFilesExist()
        => Assert.True(_validator.Validate(null, new DeviceCertificateOptions { AuthorityCertificatePath = "a.pem", AuthorityKeyPath = "b.pem" }).Succeeded);

    [Theory]
    [InlineData("00:59:59", false)]
    [InlineData("01:00:00", true)]
    [InlineData("3650.00:00:00", true)]
    [InlineData("3650.00:00:01", false)]
    [InlineData("-1.00:00:00", false)]
    public void LifetimeIsBetweenAnHourAndTenYears(string lifetime, bool valid)
        => AssertOnly(_validator.Validate(null, new DeviceCertificateOptions { Lifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture) }),
            valid, "Twins:Devices:Certificates:Lifetime");

    [Theory]
    [InlineData("00:00:00.999", false)]
    [InlineData("00:00:01", true)]
    [InlineData("01:00:00", true)]
    [InlineData("01:00:01", false)]
    public void RecheckIntervalIsBetweenASecondAndAnHour(string interval, bool valid)
        => AssertOnly(_validator.Validate(null, new DeviceCertificateOptions { RecheckInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) }),
            valid, "Twins:Devices:Certificates:RecheckInterval");

    [Fact]
    public void EveryBadDeviceSettingIsReportedAtOnce()
    {
        var result = _validator.Validate(null, new DeviceCertificateOptions
        {
            AuthorityKeyPath = "k.pem",
            Lifetime = TimeSpan.Zero,
            RecheckInterval = TimeSpan.Zero,
        });

        Assert.Equal(3, Failures(result).Count);
    }

    [Fact]
    public void ATlsKeyNeedsItsCertificate()
    {
        var key = Touch("server-key.pem");

        var failure = Assert.Single(Failures(_validator.Validate(null, new TlsOptions { KeyPath = key })));

        Assert.Contains("Twins:Tls:KeyPath", failure, StringComparison.Ordinal);
        Assert.Contains("Twins:Tls:CertificatePath", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void TlsFilesMustExist_EachNamedWithItsSetting()
    {
        var missingCertificate = Path.Combine(_data.Root, "missing.pem");
        var missingKey = Path.Combine(_data.Root, "missing-key.pem");

        var failures = Failures(_validator.Validate(null, new TlsOptions { CertificatePath = missingCertificate, KeyPath = missingKey }));

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains("Twins:Tls:CertificatePath", StringComparison.Ordinal) && f.Contains(missingCertificate, StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Twins:Tls:KeyPath", StringComparison.Ordinal) && f.Contains(missingKey, StringComparison.Ordinal));
    }

    [Fact]
    public void ExistingTlsFilesAreFine_AndACertificateMayCarryItsOwnKey()
    {
        var certificate = Touch("server.pem");

        Assert.True(_validator.Validate(null, new TlsOptions { CertificatePath = certificate, KeyPath = Touch("server-key.pem") }).Succeeded);
        Assert.True(_validator.Validate(null, new TlsOptions { CertificatePath = certificate }).Succeeded);
    }

    [Theory]
    [InlineData("23:59:59", false)]
    [InlineData("1.00:00:00", true)]
    public void AnIssuedServerCertificateLivesAtLeastADay(string lifetime, bool valid)
        => AssertOnly(_validator.Validate(null, new TlsOptions { IssuedLifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture) }),
            valid, "Twins:Tls:IssuedLifetime");

    private static void AssertOnly(ValidateOptionsResult result, bool valid, string setting)
    {
        if (valid)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(setting, Assert.Single(Failures(result)), StringComparison.Ordinal);
        }
    }

    private static List<string> Failures(ValidateOptionsResult result)
    {
        Assert.True(result.Failed);
        return [.. result.Failures!];
    }

    private string Touch(string name)
    {
        Directory.CreateDirectory(_data.Root);
        var path = Path.Combine(_data.Root, name);
        File.WriteAllText(path, "");
        return path;
    }
}
