using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Wearables.Twins.Cli.Tests.Infrastructure;
using Wearables.Twins.Security;

namespace Wearables.Twins.Cli.Tests;

public sealed class DevicesCommandTests : IDisposable
{
    private const string DeviceId = "watch-7";

    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("twins-cli-devices-");

    public void Dispose() => _out.Delete(recursive: true);

    private string CertificateFile => Path.Combine(_out.FullName, $"{DeviceId}.crt.pem");

    private string KeyFile => Path.Combine(_out.FullName, $"{DeviceId}.key.pem");

    private string AuthorityFile => Path.Combine(_out.FullName, "ca.pem");

    [Fact]
    public async Task Provision_writes_the_devices_certificate_an_owner_only_key_and_the_authority_it_chains_to()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", DeviceId, "--out", _out.FullName);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var certificate = X509Certificate2.CreateFromPemFile(CertificateFile, KeyFile);
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(DeviceId, certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }

        Assert.Equal(service.Devices.AuthorityPem.Trim(), File.ReadAllText(AuthorityFile).Trim());
        Assert.True(ChainsTo(certificate, AuthorityFile));

        Assert.Contains($"Provisioned device {DeviceId}: certificate {certificate.SerialNumber} (active)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"certificate  {CertificateFile}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"private key  {KeyFile} (owner-only", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"authority    {AuthorityFile}", result.Stdout, StringComparison.Ordinal);
        var request = Assert.Single(service.Requests);
        Assert.Equal(("POST", $"/api/v1/devices/{DeviceId}/certificates"), (request.Method, request.Path));
        Assert.Equal("{}", request.Body);
    }

    [Fact]
    public async Task Provision_with_a_csr_certifies_the_devices_own_key_and_writes_no_key_file()
    {
        await using var service = await FakeTwinsService.StartAsync();
        using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csrFile = Path.Combine(_out.FullName, "device.csr");
        File.WriteAllText(csrFile, new CertificateRequest("CN=whatever-the-device-says", deviceKey, HashAlgorithmName.SHA256).CreateSigningRequestPem());

        var result = await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", DeviceId, "--out", _out.FullName, "--csr", csrFile);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.False(File.Exists(KeyFile));
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(CertificateFile));
        Assert.Equal(DeviceId, certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.Equal(deviceKey.ExportSubjectPublicKeyInfo(), certificate.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.True(ChainsTo(certificate, AuthorityFile));
        Assert.Contains("private key  stays with the device", result.Stdout, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(Assert.Single(service.Requests).Body);
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", body.RootElement.GetProperty("csr").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provision_json_leaves_the_private_key_out_and_names_the_files()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var result = await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", DeviceId, "--out", _out.FullName, "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.DoesNotContain("PRIVATE KEY", result.Stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.False(root.TryGetProperty("privateKeyPem", out _));
        Assert.Equal(DeviceId, root.GetProperty("deviceId").GetString());
        Assert.Equal("active", root.GetProperty("certificate").GetProperty("status").GetString());
        Assert.Equal(KeyFile, root.GetProperty("files").GetProperty("privateKey").GetString());
        Assert.Equal(CertificateFile, root.GetProperty("files").GetProperty("certificate").GetString());
        Assert.Contains("PRIVATE KEY", File.ReadAllText(KeyFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provision_refuses_to_replace_files_before_anything_is_issued_unless_forced()
    {
        await using var service = await FakeTwinsService.StartAsync();
        File.WriteAllText(KeyFile, "the key a device still uses");

        var refused = await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", DeviceId, "--out", _out.FullName);

        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Contains($"error: {KeyFile} already exists; nothing was provisioned. Pass --force", refused.Stderr, StringComparison.Ordinal);
        Assert.Empty(service.Requests);
        Assert.Equal("the key a device still uses", File.ReadAllText(KeyFile));

        var forced = await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", DeviceId, "--out", _out.FullName, "--force");

        Assert.True(forced.ExitCode == ExitCodes.Success, forced.ToString());
        using var certificate = X509Certificate2.CreateFromPemFile(CertificateFile, KeyFile);
        Assert.True(certificate.HasPrivateKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }
    }

    [Fact]
    public async Task Devices_share_one_directory_and_its_ca_pem_but_another_authoritys_ca_pem_is_kept()
    {
        await using var service = await FakeTwinsService.StartAsync();

        var first = await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", "watch-1", "--out", _out.FullName);
        var second = await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", "watch-2", "--out", _out.FullName);

        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());
        Assert.True(second.ExitCode == ExitCodes.Success, second.ToString());
        Assert.True(File.Exists(Path.Combine(_out.FullName, "watch-2.key.pem")));

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = new CertificateRequest("CN=another authority", otherKey, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(AuthorityFile, other.ExportCertificatePem());
        var requestsBefore = service.Requests.Count;

        var refused = await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", "watch-3", "--out", _out.FullName);

        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Contains("holds another authority than this service's; nothing was provisioned", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(service.Requests.Skip(requestsBefore), r => r.Method == "POST");
        Assert.False(File.Exists(Path.Combine(_out.FullName, "watch-3.crt.pem")));
    }

    [Fact]
    public async Task Certificates_lists_the_registry_and_revoke_shows_it_revoked()
    {
        await using var service = await FakeTwinsService.StartAsync();
        await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", DeviceId, "--out", _out.FullName);
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(CertificateFile));
        var serial = certificate.SerialNumber;

        var listed = await TwinsCli.RunAsOperatorAsync(service, "devices", "certificates", DeviceId);

        Assert.True(listed.ExitCode == ExitCodes.Success, listed.ToString());
        Assert.Contains($"Device {DeviceId}: 1 certificate", listed.Stdout, StringComparison.Ordinal);
        Assert.Matches($@"│ {serial} │ active\s+│", listed.Stdout);
        Assert.Contains("by cli-operator", listed.Stdout, StringComparison.Ordinal);

        var revoked = await TwinsCli.RunAsOperatorAsync(service, "devices", "revoke", DeviceId, "--reason", "lost");

        Assert.True(revoked.ExitCode == ExitCodes.Success, revoked.ToString());
        Assert.Contains($"Revoked 1 certificate of device {DeviceId}.", revoked.Stdout, StringComparison.Ordinal);
        Assert.Matches($@"│ {serial} │ revoked\s+│", revoked.Stdout);
        Assert.Contains("by cli-operator: lost", revoked.Stdout, StringComparison.Ordinal);
        var request = service.Requests[^1];
        Assert.Equal(("POST", $"/api/v1/devices/{DeviceId}/certificates/revoke"), (request.Method, request.Path));

        var relisted = await TwinsCli.RunAsOperatorAsync(service, "devices", "certificates", DeviceId, "--json");

        using var json = JsonDocument.Parse(relisted.Stdout);
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal((serial, "revoked", "lost"),
            (entry.GetProperty("serial").GetString(), entry.GetProperty("status").GetString(), entry.GetProperty("revocationReason").GetString()));

        var again = await TwinsCli.RunAsOperatorAsync(service, "devices", "revoke", DeviceId);

        Assert.Equal(ExitCodes.Failed, again.ExitCode);
        Assert.Equal($"error: Not found. — Device '{DeviceId}' holds no unrevoked certificate. (nothing_to_revoke)", again.Stderr.TrimEnd());
    }

    [Fact]
    public async Task Revoke_with_a_serial_revokes_that_certificate_only()
    {
        await using var service = await FakeTwinsService.StartAsync();
        await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", DeviceId, "--out", _out.FullName);
        var first = X509Certificate2.CreateFromPem(File.ReadAllText(CertificateFile)).SerialNumber;
        await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", DeviceId, "--out", _out.FullName, "--force");
        var second = X509Certificate2.CreateFromPem(File.ReadAllText(CertificateFile)).SerialNumber;

        var result = await TwinsCli.RunAsOperatorAsync(service, "devices", "revoke", DeviceId, "--serial", first);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal($"/api/v1/devices/{DeviceId}/certificates/{first}/revoke", service.Requests[^1].Path);
        var listed = await TwinsCli.RunAsOperatorAsync(service, "devices", "certificates", DeviceId);
        Assert.Matches($@"│ {first} │ revoked\s+│", listed.Stdout);
        Assert.Matches($@"│ {second} │ active\s+│", listed.Stdout);
    }

    [Fact]
    public async Task A_non_admin_token_is_refused_with_a_hint_and_nothing_is_written()
    {
        await using var service = await FakeTwinsService.StartAsync();
        string clinician;
        using (var key = LocalSigningKey.Load(LocalIssuer.KeyPath(service.DataDirectory), create: false))
        {
            clinician = new LocalTokenIssuer(key, TimeProvider.System)
                .Issue(new TokenRequest("dr-who", TwinsRoles.Clinician, ["cardiology-a"], null, TimeSpan.FromMinutes(5)));
        }

        var result = await TwinsCli.RunAsync(service, "devices", "provision", DeviceId, "--out", _out.FullName, "--token", clinician);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal("error: Forbidden. The token's role may not do this; admin operations need a token from `twins token --role admin`.",
            result.Stderr.TrimEnd());
        Assert.Empty(_out.GetFiles());
    }

    [Fact]
    public async Task Without_a_token_the_service_answers_401_and_the_cli_says_how_to_get_one()
    {
        await using var service = await FakeTwinsService.StartAsync();
        var noKey = Path.Combine(_out.FullName, "no-service-here");

        var result = await TwinsCli.RunAsync(service, "devices", "certificates", DeviceId, "--data-dir", noKey);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.StartsWith("error: Unauthorized. The service wants a token: pass --token", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_csr_is_the_services_invalid_csr_problem()
    {
        await using var service = await FakeTwinsService.StartAsync();
        var csrFile = Path.Combine(_out.FullName, "broken.csr");
        File.WriteAllText(csrFile, "-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgcmVxdWVzdA==\n-----END CERTIFICATE REQUEST-----\n");

        var result = await TwinsCli.RunAsOperatorAsync(service, "devices", "provision", DeviceId, "--out", _out.FullName, "--csr", csrFile);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.StartsWith("error: The request is not valid. — The certificate signing request could not be read", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("(invalid_csr)", result.Stderr.TrimEnd(), StringComparison.Ordinal);
        Assert.False(File.Exists(CertificateFile));
    }

    private static bool ChainsTo(X509Certificate2 certificate, string authorityFile)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.ImportFromPemFile(authorityFile);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
