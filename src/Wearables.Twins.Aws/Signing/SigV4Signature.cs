namespace Wearables.Twins.Aws.Signing;

/// <summary>
/// The intermediate and final products of one signing: kept together so tests can compare each step with AWS's
/// published test suite, and so a server-side stand-in can verify a request it received.
/// </summary>
/// <param name="CanonicalRequest">Method, canonical URI, query, headers, signed header list and payload hash.</param>
/// <param name="StringToSign">Algorithm, time, credential scope and the hash of the canonical request.</param>
/// <param name="SignedHeaders">Lower-case header names, sorted and separated by ';'.</param>
/// <param name="Signature">Hex HMAC-SHA256 of the string to sign with the derived key.</param>
/// <param name="Authorization">The complete Authorization header value.</param>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string SignedHeaders,
    string Signature,
    string Authorization);
