using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Model;

namespace Wearables.Twins.Risk.SageMaker;

/// <summary>
/// Calls a SageMaker endpoint's InvokeEndpoint (POST {base}/endpoints/{name}/invocations) with the risk input as JSON.
/// The HttpClient it is given carries the resilience (timeout, circuit breaker) and SigV4 signing handlers; failures
/// surface as exceptions for <see cref="FallbackRiskModel"/> to catch.
/// </summary>
public sealed class SageMakerRiskModel : IRiskModel
{
    private readonly HttpClient _http;
    private readonly Uri _invocations;

    public SageMakerRiskModel(HttpClient http, string endpointName)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        _http = http;
        _invocations = new Uri($"endpoints/{Uri.EscapeDataString(endpointName)}/invocations", UriKind.Relative);
        Name = string.Create(CultureInfo.InvariantCulture, $"sagemaker:{endpointName}");
    }

    public string Name { get; }

    public async ValueTask<RiskEvaluation> EvaluateAsync(RiskInput input, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(input, RiskModelJsonContext.Default.RiskInput, new MediaTypeHeaderValue(RiskModelJsonContext.ContentType));
        // Buffered so the signer can hash the body and Content-Length is known before signing.
        await content.LoadIntoBufferAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, _invocations) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(RiskModelJsonContext.ContentType));
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The risk model endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }

        var evaluation = await response.Content.ReadFromJsonAsync(RiskModelJsonContext.Default.RiskEvaluation, cancellationToken)
            ?? throw new HttpRequestException("The risk model endpoint returned an empty body.");
        return evaluation with { Model = Name };
    }
}
