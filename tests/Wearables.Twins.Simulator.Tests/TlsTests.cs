using System.CommandLine;
using System.Globalization;
using Wearables.Twins.Simulator.Cli;

namespace Wearables.Twins.Simulator.Tests;

public sealed class TlsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _certificates = Directory.CreateTempSubdirectory("twins-sim-tls-");
    private readonly TestAuthority _authority = new();

    public TlsTests() => File.WriteAllText(CaFile, _authority.CertificatePem);

    private string CaFile => Path.Combine(_certificates.FullName, "ca.pem");

    public void Dispose()
    {
        _authority.Dispose();
        _certificates.Delete(recursive: true);
    }

    [Fact]
    public async Task Every_device_connects_over_tls_with_its_own_client_certificate_and_publishes()
    {
        using var serverCertificate = _authority.IssueServerCertificate();
        await using var broker = await InProcessBroker.StartTlsAsync(serverCertificate);
        string[] devices = ["sim-watch-0001", "sim-watch-0002"];
        foreach (var device in devices)
        {
            _authority.WriteDeviceCertificate(_certificates.FullName, device);
        }

        var everyDeviceSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.Observe(_ =>
        {
            if (devices.All(d => broker.Messages.Any(m => m.ClientId == d)))
            {
                everyDeviceSent.TrySetResult();
            }

            return Task.CompletedTask;
        });

        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        string[] args =
        [
            "--devices", "2", "--broker-port", broker.Port.ToString(CultureInfo.InvariantCulture), "--no-bind",
            "--ca", CaFile, "--cert-dir", _certificates.FullName, "--duration", "2s", "--speed", "120", "--seed", "5",
        ];
        var exitCode = await SimulatorCli.CreateRootCommand().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error })
            .WaitAsync(Patience);
        await everyDeviceSent.Task.WaitAsync(Patience);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}{output}");
        Assert.Contains($"over TLS with client certificates from {_certificates.FullName}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("non-success 0", output.ToString(), StringComparison.Ordinal);
        foreach (var device in devices)
        {
            Assert.Equal(device, broker.ClientCertificates[device]);
        }

        Assert.All(broker.Messages, m => Assert.Equal(m.ClientId, m.Envelope().DeviceId));
    }

    [Fact]
    public async Task A_broker_certificate_from_another_authority_is_not_trusted()
    {
        using var stranger = new TestAuthority("someone else's CA");
        using var serverCertificate = stranger.IssueServerCertificate();
        await using var broker = await InProcessBroker.StartTlsAsync(serverCertificate);
        _authority.WriteDeviceCertificate(_certificates.FullName, "sim-watch-0001");

        var result = await new FleetSimulator().RunAsync(Options(broker.Port, devices: 1) with { Duration = TimeSpan.FromSeconds(1) })
            .WaitAsync(Patience);

        Assert.Equal(0, result.Connects);
        Assert.True(result.ConnectFailures > 0, $"{result.ConnectFailures} failed connects");
        Assert.Empty(broker.ClientCertificates);
        Assert.Empty(broker.Messages);
    }

    [Fact]
    public void The_ca_implies_tls_and_the_tls_port()
    {
        var options = SimulatorCli.TryParse(["--ca", CaFile], out var errors);

        Assert.Empty(errors);
        Assert.NotNull(options);
        Assert.True(options.UseTls);
        Assert.Equal(8883, options.BrokerPort);
        Assert.Equal(CaFile, options.CaCertificatePath);
        Assert.Null(options.ClientCertificateDirectory);
    }

    [Fact]
    public void Tls_options_are_read_and_an_explicit_port_is_kept()
    {
        _authority.WriteDeviceCertificate(_certificates.FullName, "band-0001");

        var options = SimulatorCli.TryParse(
        [
            "--devices", "1", "--device-prefix", "band-", "--cert-dir", _certificates.FullName, "--broker-port", "9883",
            "--broker-host", "10.0.0.5", "--tls-server-name", "twins.example",
        ], out var errors);

        Assert.Empty(errors);
        Assert.NotNull(options);
        Assert.True(options.UseTls);
        Assert.Equal(("10.0.0.5", 9883, "twins.example"), (options.BrokerHost, options.BrokerPort, options.TlsServerName));
        Assert.Equal(_certificates.FullName, options.ClientCertificateDirectory);
        Assert.Null(options.CaCertificatePath);
    }

    [Fact]
    public void Tls_alone_uses_the_system_roots_and_without_it_the_port_stays_1883()
    {
        var tls = SimulatorCli.TryParse(["--tls"], out _);
        var plain = SimulatorCli.TryParse([], out _);

        Assert.Equal((true, 8883, null), (tls!.UseTls, tls.BrokerPort, tls.CaCertificatePath));
        Assert.Equal((false, 1883), (plain!.UseTls, plain.BrokerPort));
    }

    [Fact]
    public void Missing_certificate_files_are_named_before_the_run()
    {
        _authority.WriteDeviceCertificate(_certificates.FullName, "sim-watch-0001");

        var options = SimulatorCli.TryParse(
            ["--devices", "3", "--cert-dir", _certificates.FullName, "--ca", Path.Combine(_certificates.FullName, "nope.pem")], out var errors);

        Assert.Null(options);
        Assert.Contains(errors, e => e.StartsWith("--ca: there is no file", StringComparison.Ordinal) && e.EndsWith("nope.pem.", StringComparison.Ordinal));
        var missing = Assert.Single(errors, e => e.StartsWith("--cert-dir:", StringComparison.Ordinal));
        Assert.Contains("4 certificate or key files are missing, e.g. sim-watch-0002.crt.pem, sim-watch-0002.key.pem, sim-watch-0003.crt.pem", missing, StringComparison.Ordinal);
        Assert.Contains("twins devices provision <deviceId>", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_issued_to_another_device_stops_the_run_before_it_connects()
    {
        _authority.WriteDeviceCertificate(_certificates.FullName, "someone-else", fileName: "sim-watch-0001");

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => new FleetSimulator().RunAsync(Options(port: 1, devices: 1)));

        Assert.Contains("is issued to 'someone-else', not to device 'sim-watch-0001'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_is_not_the_certificates_stops_the_run()
    {
        _authority.WriteDeviceCertificate(_certificates.FullName, "sim-watch-0001");
        _authority.WriteDeviceCertificate(_certificates.FullName, "sim-watch-0002");
        File.Copy(Path.Combine(_certificates.FullName, "sim-watch-0002.key.pem"), Path.Combine(_certificates.FullName, "sim-watch-0001.key.pem"), overwrite: true);

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => new FleetSimulator().RunAsync(Options(port: 1, devices: 2)));

        Assert.StartsWith($"--cert-dir: {Path.Combine(_certificates.FullName, "sim-watch-0001.crt.pem")} and", failure.Message, StringComparison.Ordinal);
    }

    private SimulatorOptions Options(int port, int devices) => new()
    {
        Devices = devices,
        BrokerPort = port,
        UseTls = true,
        CaCertificatePath = CaFile,
        ClientCertificateDirectory = _certificates.FullName,
        Bind = false,
        Duration = TimeSpan.FromSeconds(1),
        Speed = 120,
        Batch = TimeSpan.FromSeconds(30),
        Seed = 9,
    };
}
