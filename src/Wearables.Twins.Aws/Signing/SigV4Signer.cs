namespace Wearables.Twins.Aws.Signing;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> in place: sets X-Amz-Date (and X-Amz-Security-Token for temporary
/// credentials), hashes the body and adds the Authorization header. Every header present when signing is signed,
/// except the few that proxies and the HTTP stack may rewrite on the way.
/// </summary>
public sealed class SigV4Signer
{
    private static readonly HashSet<string> Unsigned = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "user-agent", "expect", "connection", "transfer-encoding", "keep-alive", "proxy-connection", "te", "upgrade",
    };

    private readonly ISigV4CredentialsProvider _credentials;
    private readonly TimeProvider _time;

    public SigV4Signer(ISigV4CredentialsProvider credentials, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Signs for <paramref name="service"/> in <paramref name="region"/>; call again after any change to the request.</summary>
    public async Task<SigV4Signature> SignAsync(
        HttpRequestMessage request, string region, string service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken);
        var payloadHash = request.Content is null
            ? SigV4Algorithm.EmptyPayloadHash
            : SigV4Algorithm.HexSha256(await request.Content.ReadAsByteArrayAsync(cancellationToken));
        return Sign(request, credentials, _time.GetUtcNow(), region, service, payloadHash);
    }

    /// <summary>The synchronous core, with the time and payload hash given (used by the test vectors).</summary>
    public static SigV4Signature Sign(
        HttpRequestMessage request, SigV4Credentials credentials, DateTimeOffset time, string region, string service,
        string payloadHash, bool signSecurityToken = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI to sign.");
        if (!uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("SigV4 signs absolute URIs only; set the client's BaseAddress before the signing handler runs.");
        }

        request.Headers.Remove("Authorization");
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", SigV4Algorithm.FormatAmzDate(time));
        request.Headers.Remove("X-Amz-Security-Token");
        if (credentials.SessionToken is { Length: > 0 } token && signSecurityToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
        }

        var signature = SigV4Algorithm.Sign(
            request.Method.Method, uri, HeadersToSign(request), payloadHash, time, region, service, credentials);

        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        if (credentials.SessionToken is { Length: > 0 } lateToken && !signSecurityToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", lateToken);
        }

        return signature;
    }

    private static IEnumerable<KeyValuePair<string, string>> HeadersToSign(HttpRequestMessage request)
    {
        if (request.Headers.Host is null)
        {
            // HttpClient sends the URI's authority; the port appears only when it is not the scheme's default.
            yield return new("host", request.RequestUri!.IsDefaultPort ? request.RequestUri.Host : request.RequestUri.Authority);
        }

        foreach (var header in request.Headers.NonValidated)
        {
            if (Unsigned.Contains(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                yield return new(header.Key, value);
            }
        }

        if (request.Content is null)
        {
            yield break;
        }

        foreach (var header in request.Content.Headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                yield return new(header.Key, value);
            }
        }
    }
}
