using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Cli.Api;

/// <summary>
/// The service's REST API as the CLI uses it. Transport failures become <see cref="CliFailure"/> with
/// <see cref="ExitCodes.Unreachable"/>, refusals become <see cref="CliFailure"/> with the problem's words,
/// so commands only deal with the happy path.
/// </summary>
internal sealed class TwinsApiClient : IDisposable
{
    // Short enough that a wrong --url fails while the user still waits; ingest answers once samples are durable,
    // which takes milliseconds, not tens of seconds.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly HttpClient _uploads;

    public TwinsApiClient(Uri baseAddress, string? bearerToken = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        BaseAddress = baseAddress;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = ConnectTimeout }, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = RequestTimeout,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("twins-cli", "1.0"));
        _uploads = new HttpClient(new SocketsHttpHandler { ConnectTimeout = ConnectTimeout }, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _uploads.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("twins-cli", "1.0"));
        if (bearerToken is { Length: > 0 })
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
            _uploads.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    public Uri BaseAddress { get; }

    /// <summary><c>GET /health/ready</c>; 503 is an answer here (not ready yet), so the status is left to the caller.</summary>
    public Task<ApiResponse> GetReadinessAsync(CancellationToken cancellationToken)
        => SendAsync(new HttpRequestMessage(HttpMethod.Get, "health/ready"), cancellationToken);

    public Task<ApiResult<PatientView>> GetPatientAsync(string patientId, CancellationToken cancellationToken)
        => GetAsync($"api/v1/patients/{Escape(patientId)}", CliJsonContext.Default.PatientView, cancellationToken);

    public Task<ApiResult<VitalSeriesView>> GetVitalsAsync(
        string patientId, string type, string? from, string? to, CancellationToken cancellationToken)
    {
        // Escaped, because an unescaped '+' in an offset arrives as a space.
        var query = new StringBuilder($"type={Escape(type)}");
        if (from is not null)
        {
            query.Append("&from=").Append(Escape(from));
        }

        if (to is not null)
        {
            query.Append("&to=").Append(Escape(to));
        }

        return GetAsync($"api/v1/patients/{Escape(patientId)}/vitals?{query}", CliJsonContext.Default.VitalSeriesView, cancellationToken);
    }

    public Task<ApiResult<WearableView>> GetWearableAsync(string wearableId, CancellationToken cancellationToken)
        => GetAsync($"api/v1/wearables/{Escape(wearableId)}", CliJsonContext.Default.WearableView, cancellationToken);

    public async Task<ApiResult<WearableView>> BindAsync(string wearableId, string patientId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"api/v1/wearables/{Escape(wearableId)}/patient")
        {
            Content = Json(new BindWearableRequest(patientId), CliJsonContext.Default.BindWearableRequest),
        };
        var response = await SendAsync(request, cancellationToken);
        return new ApiResult<WearableView>(response.EnsureSuccess(), CliJsonContext.Default.WearableView);
    }

    /// <summary><c>POST /api/v1/telemetry</c>: 202 with a per-sample report, or problem+json when the envelope is refused.</summary>
    public async Task<ApiResult<IngestReport>> PostTelemetryAsync(TelemetryEnvelope envelope, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/telemetry")
        {
            Content = Json(envelope, TelemetryJsonContext.Default.TelemetryEnvelope),
        };
        var response = await SendAsync(request, cancellationToken);
        return new ApiResult<IngestReport>(response.EnsureSuccess(), CliJsonContext.Default.IngestReport);
    }

    /// <summary>
    /// <c>POST /api/v1/patients/{id}/imports</c> with the file as the body. No request timeout: exports run to
    /// gigabytes, and the upload's own progress shows that it is moving.
    /// </summary>
    public async Task<ApiResult<ImportReport>> StartImportAsync(
        string patientId, FileInfo file, string format, string? timeZone, IProgress<long> uploaded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var query = new StringBuilder($"format={Escape(format)}&fileName={Escape(file.Name)}");
        if (timeZone is not null)
        {
            query.Append("&timeZone=").Append(Escape(timeZone));
        }

        var content = new ProgressStreamContent(file.OpenRead(), uploaded);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/patients/{Escape(patientId)}/imports?{query}") { Content = content };
        var response = await SendAsync(request, _uploads, cancellationToken);
        return new ApiResult<ImportReport>(response.EnsureSuccess(), CliJsonContext.Default.ImportReport);
    }

    public Task<ApiResult<ImportReport>> GetImportAsync(string patientId, string jobId, CancellationToken cancellationToken)
        => GetAsync($"api/v1/patients/{Escape(patientId)}/imports/{Escape(jobId)}", CliJsonContext.Default.ImportReport, cancellationToken);

    /// <summary><c>GET /api/v1/devices/authority.pem</c> (anonymous): the certificate devices trust the broker by.</summary>
    public async Task<string> GetDeviceAuthorityPemAsync(CancellationToken cancellationToken)
        => (await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/v1/devices/authority.pem"), cancellationToken)).EnsureSuccess().Body;

    /// <summary>
    /// <c>POST /api/v1/devices/{id}/certificates</c>: a certificate for the key in <paramref name="signingRequestPem"/>, or
    /// for a key the service makes and returns once when it is null. Always a JSON body, even <c>{}</c>, so the service
    /// never has to guess a media type.
    /// </summary>
    public async Task<ApiResult<ProvisionedDeviceView>> ProvisionDeviceAsync(
        string deviceId, string? signingRequestPem, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/devices/{Escape(deviceId)}/certificates")
        {
            Content = Json(new ProvisionDeviceRequest(signingRequestPem), CliJsonContext.Default.ProvisionDeviceRequest),
        };
        var response = await SendAsync(request, cancellationToken);
        return new ApiResult<ProvisionedDeviceView>(response.EnsureSuccess(), CliJsonContext.Default.ProvisionedDeviceView);
    }

    public Task<ApiResult<DeviceCertificateView[]>> GetDeviceCertificatesAsync(string deviceId, CancellationToken cancellationToken)
        => GetAsync($"api/v1/devices/{Escape(deviceId)}/certificates", CliJsonContext.Default.DeviceCertificateViewArray, cancellationToken);

    /// <summary>Revokes the certificate <paramref name="serial"/> of the device, or all of its certificates when it is null.</summary>
    public async Task<ApiResult<DeviceCertificateView[]>> RevokeDeviceCertificatesAsync(
        string deviceId, string? serial, string? reason, CancellationToken cancellationToken)
    {
        var path = serial is null
            ? $"api/v1/devices/{Escape(deviceId)}/certificates/revoke"
            : $"api/v1/devices/{Escape(deviceId)}/certificates/{Escape(serial)}/revoke";
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = Json(new RevokeDeviceCertificateRequest(reason), CliJsonContext.Default.RevokeDeviceCertificateRequest),
        };
        var response = await SendAsync(request, cancellationToken);
        return new ApiResult<DeviceCertificateView[]>(response.EnsureSuccess(), CliJsonContext.Default.DeviceCertificateViewArray);
    }

    public void Dispose()
    {
        _http.Dispose();
        _uploads.Dispose();
    }

    private async Task<ApiResult<T>> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return new ApiResult<T>(response.EnsureSuccess(), type);
    }

    private Task<ApiResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => SendAsync(request, _http, cancellationToken);

    private async Task<ApiResponse> SendAsync(HttpRequestMessage request, HttpClient http, CancellationToken cancellationToken)
    {
        using (request)
        {
            var described = $"{request.Method} {new Uri(BaseAddress, request.RequestUri!)}";
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, described);
            }
            catch (HttpRequestException ex)
            {
                throw Unreachable(ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliFailure(ExitCodes.Unreachable,
                    $"the service at {BaseAddress} did not answer {described} within {RequestTimeout.TotalSeconds:0} s.", ex);
            }
        }
    }

    private CliFailure Unreachable(HttpRequestException ex)
    {
        var why = ex.InnerException is SocketException socket
            ? socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData => "unknown host",
                _ => socket.Message,
            }
            : ex.HttpRequestError == HttpRequestError.NameResolutionError ? "unknown host" : ex.Message;
        return new CliFailure(ExitCodes.Unreachable,
            $"cannot reach the Wearables.Twins service at {BaseAddress} ({why}). "
            + "Start it with `dotnet run --project src/Wearables.Twins.Host`, "
            + $"or point --url or {TwinsCommandLine.UrlVariable} at a running service.", ex);
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static StringContent Json<T>(T body, JsonTypeInfo<T> type)
        => new(JsonSerializer.Serialize(body, type), Encoding.UTF8, "application/json");
}
