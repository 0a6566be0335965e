using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using Wearables.Twins.IntegrationTests.Infrastructure;
using Wearables.Twins.Security.Devices;
using Wearables.Twins.Testing;

namespace Wearables.Twins.IntegrationTests.Security;

/// <summary>
/// Devices with client certificates from the host's authority, against the real host's TLS listener and HTTPS door:
/// a device is who its certificate says, nobody else, and not at all once revoked.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DeviceCertificateTests(HostFixture fixture)
{
    private readonly TwinsHostProcess _host = fixture.Host;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task AProvisionedDevicePublishesOverTlsAndItsVitalsReachThePatient()
    {
        var (deviceId, patientId) = ($"{_run}-tls-watch", $"{_run}-tls-patient");
        await _host.Http.BindAsync(deviceId, patientId);
        using var device = await ProvisionedDevice.ProvisionAsync(_host.Http, deviceId);
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(device.TlsOptions(fixture.MqttTlsPort));

        var result = await client.PublishAsync(Telemetry(deviceId, deviceId, 64));

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        var (status, patient) = await _host.Http.GetJsonAsync($"/api/v1/patients/{patientId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(64, patient.GetProperty("vitals").GetProperty("heart_rate").GetProperty("latest").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task ACertifiedDeviceMayNotPublishAsAnotherAndEachAttemptIsCounted()
    {
        var (deviceId, victim) = ($"{_run}-mallory", $"{_run}-alice");
        using var device = await ProvisionedDevice.ProvisionAsync(_host.Http, deviceId);
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(device.TlsOptions(fixture.MqttTlsPort));
        var before = await ImpersonationsAsync("mqtt");

        var otherTopic = await client.PublishAsync(Telemetry(victim, victim, 80));
        var otherEnvelope = await client.PublishAsync(Telemetry(deviceId, victim, 80));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, otherTopic.ReasonCode);
        Assert.Contains($"wearables/{deviceId}/telemetry", otherTopic.ReasonString, StringComparison.Ordinal);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, otherEnvelope.ReasonCode);
        Assert.Contains("device_mismatch", otherEnvelope.ReasonString, StringComparison.Ordinal);
        Assert.Equal(before + 2, await Eventually.MatchesAsync(() => ImpersonationsAsync("mqtt"), n => n >= before + 2,
            TimeSpan.FromSeconds(10), "Two MQTT impersonations counted in /metrics"));
        Assert.True(client.IsConnected, "A refused publish does not cost the device its session.");
        var (status, _) = await _host.Http.GetJsonAsync($"/api/v1/wearables/{victim}");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task AnMqtt311DeviceThatTriesAnotherDevicesTopicIsToldOnItsOwnRejectsTopic()
    {
        var (deviceId, victim) = ($"{_run}-old-band", $"{_run}-carol");
        using var device = await ProvisionedDevice.ProvisionAsync(_host.Http, deviceId);
        using var client = new MqttClientFactory().CreateMqttClient();
        var rejects = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            rejects.TrySetResult(JsonDocument.Parse(e.ApplicationMessage.ConvertPayloadToString()).RootElement.Clone());
            return Task.CompletedTask;
        };
        await client.ConnectAsync(device.TlsOptions(fixture.MqttTlsPort, MQTTnet.Formatter.MqttProtocolVersion.V311));
        await client.SubscribeAsync($"wearables/{deviceId}/rejects", MqttQualityOfServiceLevel.AtLeastOnce);

        await client.PublishAsync(Telemetry(victim, victim, 90));

        var report = await rejects.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("device_mismatch", report.GetProperty("problem").GetProperty("reason").GetString());
        Assert.Contains($"wearables/{deviceId}/telemetry", report.GetProperty("problem").GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (status, _) = await _host.Http.GetJsonAsync($"/api/v1/wearables/{victim}");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task ACertifiedDeviceSubscribesOnlyUnderItsOwnTopics()
    {
        var deviceId = $"{_run}-listener";
        using var device = await ProvisionedDevice.ProvisionAsync(_host.Http, deviceId);
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(device.TlsOptions(fixture.MqttTlsPort));

        var own = await client.SubscribeAsync($"wearables/{deviceId}/rejects");
        var others = await client.SubscribeAsync($"wearables/{_run}-someone/rejects");
        var everything = await client.SubscribeAsync("wearables/#");

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, Assert.Single(own.Items).ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, Assert.Single(others.Items).ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, Assert.Single(everything.Items).ResultCode);
    }

    [Fact]
    public async Task WithoutACertificateOrWithAForeignOneTheConnectIsRefusedWithAReason()
    {
        using var authority = await AuthorityAsync();
        using var folder = new TempDirectory();
        using var foreign = new TestPki(folder.Path);
        var pair = foreign.Client($"{_run}-forged");
        using var forged = ProvisionedDevice.WithStoredKey(X509Certificate2.CreateFromPemFile(pair.CertificatePath, pair.KeyPath));

        var none = await RefusedConnectAsync(ProvisionedDevice.TlsOptions(fixture.MqttTlsPort, $"{_run}-anonymous", null, authority));
        var untrusted = await RefusedConnectAsync(ProvisionedDevice.TlsOptions(fixture.MqttTlsPort, $"{_run}-forged", forged, authority));

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, none.ResultCode);
        Assert.Contains("requires a client certificate", none.ReasonString, StringComparison.Ordinal);
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, untrusted.ResultCode);
        Assert.Contains("not issued by this service's device authority", untrusted.ReasonString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACertificateTheRegistryNeverRecordedIsRefusedEvenFromTheSameAuthority()
    {
        // Someone with a copy of the authority's key signs a certificate behind the registry's back.
        using var stolen = DeviceCertificateAuthority.Load(
            DeviceCertificateOptions.DefaultAuthorityCertificatePath(_host.DataDirectory),
            DeviceCertificateOptions.DefaultAuthorityKeyPath(_host.DataDirectory), create: false, TimeProvider.System);
        using var issued = stolen.IssueWithNewKey($"{_run}-shadow", DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        using var certificate = ProvisionedDevice.WithStoredKey(issued);
        using var authority = await AuthorityAsync();

        var refused = await RefusedConnectAsync(ProvisionedDevice.TlsOptions(fixture.MqttTlsPort, $"{_run}-shadow", certificate, authority));

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, refused.ResultCode);
        Assert.Contains("never issued", refused.ReasonString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingACertificateEndsItsSessionAndRefusesItFromThenOn()
    {
        var deviceId = $"{_run}-lost-watch";
        using var device = await ProvisionedDevice.ProvisionAsync(_host.Http, deviceId);
        using var client = new MqttClientFactory().CreateMqttClient();
        var disconnected = new TaskCompletionSource<MqttClientDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += e =>
        {
            disconnected.TrySetResult(e);
            return Task.CompletedTask;
        };
        await client.ConnectAsync(device.TlsOptions(fixture.MqttTlsPort));

        using var revoke = await _host.Http.PostAsJsonAsync($"/api/v1/devices/{deviceId}/certificates/{device.Serial}/revoke", new { reason = "lost" });
        var revoked = await revoke.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("revoked", revoked[0].GetProperty("status").GetString());
        Assert.Equal("lost", revoked[0].GetProperty("revocationReason").GetString());
        var ended = await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(MqttClientDisconnectReason.NotAuthorized, ended.Reason);
        var again = await RefusedConnectAsync(device.TlsOptions(fixture.MqttTlsPort));
        Assert.Contains("revoked", again.ReasonString, StringComparison.Ordinal);
        using var https = device.HttpsClient(fixture.HttpsPort);
        using var post = await https.PostAsync(new Uri("/api/v1/telemetry", UriKind.Relative), Json(Telemetry(deviceId, 70)));
        var problem = await post.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal("revoked_certificate", problem.GetProperty("reason").GetString());

        // Who revoked which device's certificate is in the audit log.
        var audit = await _host.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit?limit=500", UriKind.Relative));
        Assert.Contains(audit.EnumerateArray(), e => e.TryGetProperty("target", out var target) && target.GetString() == deviceId
            && e.GetProperty("action").GetString()!.Contains("revoke", StringComparison.Ordinal)
            && e.GetProperty("status").GetInt32() == 200
            && e.GetProperty("role").GetString() == "admin");
    }

    [Fact]
    public async Task OverHttpsTheCertificateIsTheDeviceCredentialForItsOwnTelemetryOnly()
    {
        var (deviceId, patientId) = ($"{_run}-https-watch", $"{_run}-https-patient");
        await _host.Http.BindAsync(deviceId, patientId);
        using var device = await ProvisionedDevice.ProvisionAsync(_host.Http, deviceId);
        using var https = device.HttpsClient(fixture.HttpsPort);
        var before = await ImpersonationsAsync("http");

        using var own = await https.PostAsync(new Uri("/api/v1/telemetry", UriKind.Relative), Json(Telemetry(deviceId, 66)));
        using var other = await https.PostAsync(new Uri("/api/v1/telemetry", UriKind.Relative), Json(Telemetry($"{_run}-bob", 66)));
        using var readPatient = await https.GetAsync(new Uri($"/api/v1/patients/{patientId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("device_mismatch", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, readPatient.StatusCode);
        Assert.Equal(before + 1, await Eventually.MatchesAsync(() => ImpersonationsAsync("http"), n => n >= before + 1,
            TimeSpan.FromSeconds(10), "An HTTP impersonation counted in /metrics"));
        var (_, patient) = await _host.Http.GetJsonAsync($"/api/v1/patients/{patientId}");
        Assert.Equal(66, patient.GetProperty("vitals").GetProperty("heart_rate").GetProperty("latest").GetProperty("value").GetDouble());
    }

    private static async Task<MqttClientConnectResult> RefusedConnectAsync(MqttClientOptions options)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(options);
        Assert.False(client.IsConnected, "The broker should have refused this CONNECT.");
        return result;
    }

    private async Task<X509Certificate2> AuthorityAsync()
        => X509Certificate2.CreateFromPem(await _host.Http.GetStringAsync(new Uri("/api/v1/devices/authority.pem", UriKind.Relative)));

    /// <summary>The host's impersonation counter for one transport, from its Prometheus scrape.</summary>
    private async Task<double> ImpersonationsAsync(string transport)
    {
        var scrape = await _host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return scrape.Split('\n')
            .Where(line => line.StartsWith("twins_ingest_impersonations_denied_total{", StringComparison.Ordinal)
                && line.Contains($"transport=\"{transport}\"", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static MqttApplicationMessage Telemetry(string topicDevice, string envelopeDevice, double heartRate)
        => new MqttApplicationMessageBuilder()
            .WithTopic($"wearables/{topicDevice}/telemetry")
            .WithPayload(Telemetry(envelopeDevice, heartRate))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

    private static byte[] Telemetry(string deviceId, double heartRate)
        => Envelopes.Json(deviceId, $"m-{Guid.NewGuid():N}", Envelopes.HeartRate(DateTimeOffset.UtcNow.AddSeconds(-5), heartRate));

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
