namespace Wearables.Twins.Aws.Signing;

/// <summary>
/// A delegating handler that signs every request it sends. Place it innermost (after retry/resilience handlers)
/// so each attempt is signed with a fresh time.
/// </summary>
public sealed class SigV4SigningHandler : DelegatingHandler
{
    private readonly SigV4Signer _signer;
    private readonly string _region;
    private readonly string _service;

    public SigV4SigningHandler(SigV4Signer signer, string region, string service)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        _signer = signer;
        _region = region;
        _service = service;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _signer.SignAsync(request, _region, _service, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
