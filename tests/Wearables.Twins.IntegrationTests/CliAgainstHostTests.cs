using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MQTTnet;
using Wearables.Twins.Cli;
using Wearables.Twins.IntegrationTests.Infrastructure;

namespace Wearables.Twins.IntegrationTests;

/// <summary>The <c>twins</c> command line against the real service.</summary>
[Collection(HostCollection.Name)]
public sealed class CliAgainstHostTests(HostFixture fixture)
{
    private readonly TwinsHostProcess _host = fixture.Host;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task ImportCommandUploadsFollowsTheJobAndPrintsTheReport()
    {
        var patientId = $"{_run}-cli-runner";
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "garmin-fenix-5-run.fit");

        var (exitCode, stdout, stderr) = await TwinsAsync("import", file, "--patient", patientId, "--json");

        Assert.True(exitCode == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal("succeeded", report.RootElement.GetProperty("state").GetString());
        Assert.True(report.RootElement.GetProperty("imported").GetInt64() >= 21);
        Assert.Equal(21, (await _host.Http.HeartRateTimesAsync(patientId)).Count);
    }

    [Fact]
    public async Task SendThenPatientShowsTheValue()
    {
        var (deviceId, patientId) = ($"{_run}-cli-watch", $"{_run}-cli-patient");
        Assert.Equal(0, (await TwinsAsync("bind", deviceId, patientId)).ExitCode);

        var sent = await TwinsAsync("send", deviceId, "--type", "heart_rate", "--value", "77");
        var shown = await TwinsAsync("patient", patientId);

        Assert.True(sent.ExitCode == 0, sent.Stderr);
        Assert.True(shown.ExitCode == 0, shown.Stderr);
        Assert.Contains("77", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("/min", shown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevicesProvisionWritesCredentialsADeviceConnectsWithUntilRevoked()
    {
        var deviceId = $"{_run}-cli-tls-watch";
        using var folder = new TempDirectory();

        var provisioned = await TwinsAsync("devices", "provision", deviceId, "--out", folder.Path);

        Assert.True(provisioned.ExitCode == 0, provisioned.Stderr);
        var certificatePath = Path.Combine(folder.Path, $"{deviceId}.crt.pem");
        var keyPath = Path.Combine(folder.Path, $"{deviceId}.key.pem");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        }

        using var certificate = ProvisionedDevice.WithStoredKey(X509Certificate2.CreateFromPemFile(certificatePath, keyPath));
        using var authority = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(folder.Path, "ca.pem")));
        var options = ProvisionedDevice.TlsOptions(fixture.MqttTlsPort, deviceId, certificate, authority);
        using (var client = new MqttClientFactory().CreateMqttClient())
        {
            Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(options)).ResultCode);
            await client.DisconnectAsync();
        }

        var revoked = await TwinsAsync("devices", "revoke", deviceId, "--reason", "lost");
        var listed = await TwinsAsync("devices", "certificates", deviceId);

        Assert.True(revoked.ExitCode == 0, revoked.Stderr);
        Assert.Contains("revoked", listed.Stdout, StringComparison.Ordinal);
        using var refused = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, (await refused.ConnectAsync(options)).ResultCode);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> TwinsAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await TwinsCommandLine.InvokeAsync([.. args, "--url", _host.BaseAddress.ToString(), "--data-dir", _host.DataDirectory], stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
