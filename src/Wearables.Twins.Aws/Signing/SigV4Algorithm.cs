using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Wearables.Twins.Aws.Signing;

/// <summary>
/// AWS Signature Version 4, step by step as the "Create a signed AWS API request" guide describes it: canonical
/// request → string to sign → derived key → signature. Pure: no clock, no credential lookup, no I/O.
/// </summary>
public static class SigV4Algorithm
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>SHA-256 of an empty payload, the hash every body-less request signs.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Signs the given parts of a request.</summary>
    /// <param name="method">HTTP method (upper case).</param>
    /// <param name="uri">Absolute request URI; its path and query are canonicalised here.</param>
    /// <param name="headers">Every header to sign, names in any case, repeated names allowed (values join with ',').</param>
    /// <param name="payloadHash">Lower-case hex SHA-256 of the body.</param>
    /// <param name="time">Signing time; must equal the X-Amz-Date header's value.</param>
    /// <param name="region">Region of the credential scope, e.g. eu-west-1.</param>
    /// <param name="service">Signing name of the service, e.g. sagemaker, sns.</param>
    /// <param name="credentials">Keys to sign with (the session token, if any, must already be among the headers to be signed).</param>
    /// <param name="normalizePath">
    /// True for every service except S3: remove dot segments and empty segments and URI-encode each segment twice.
    /// </param>
    public static SigV4Signature Sign(
        string method,
        Uri uri,
        IEnumerable<KeyValuePair<string, string>> headers,
        string payloadHash,
        DateTimeOffset time,
        string region,
        string service,
        SigV4Credentials credentials,
        bool normalizePath = true)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(headers);
        var amzDate = FormatAmzDate(time);
        var date = amzDate[..8];

        var (canonicalHeaders, signedHeaders) = CanonicalHeaders(headers);
        var canonicalRequest = string.Join('\n',
            method.ToUpperInvariant(),
            CanonicalUri(uri, normalizePath),
            CanonicalQuery(uri),
            canonicalHeaders,
            signedHeaders,
            payloadHash);

        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, HexSha256(Encoding.UTF8.GetBytes(canonicalRequest)));

        var key = DeriveKey(credentials.SecretAccessKey, date, region, service);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Signature(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
    }

    /// <summary>The X-Amz-Date format: basic ISO 8601 in UTC, e.g. 20150830T123600Z.</summary>
    public static string FormatAmzDate(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static byte[] DeriveKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    private static string CanonicalUri(Uri uri, bool normalize)
    {
        var path = uri.AbsolutePath;
        if (path.Length == 0)
        {
            return "/";
        }

        if (!normalize)
        {
            // S3: the path as the client encoded it once, nothing removed.
            return string.Join('/', path.Split('/').Select(static s => SigV4Encoding.Encode(Uri.UnescapeDataString(s))));
        }

        var builder = new StringBuilder(path.Length + 16);
        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            // Every service but S3 signs each segment encoded twice: once as the wire form, once more on top.
            segments.Add(SigV4Encoding.Encode(SigV4Encoding.Encode(Uri.UnescapeDataString(segment))));
        }

        builder.Append('/').AppendJoin('/', segments);
        if (segments.Count > 0 && path.EndsWith('/'))
        {
            builder.Append('/');
        }

        return builder.ToString();
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query;
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add((SigV4Encoding.Encode(Uri.UnescapeDataString(key)), SigV4Encoding.Encode(Uri.UnescapeDataString(value))));
        }

        pairs.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(static p => $"{p.Key}={p.Value}"));
    }

    private static (string Canonical, string Signed) CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var byName = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var lower = name.Trim().ToLowerInvariant();
            if (!byName.TryGetValue(lower, out var values))
            {
                values = [];
                byName.Add(lower, values);
            }

            values.Add(CollapseSpaces(value));
        }

        var canonical = new StringBuilder();
        foreach (var (name, values) in byName)
        {
            canonical.Append(name).Append(':').AppendJoin(',', values).Append('\n');
        }

        return (canonical.ToString(), string.Join(';', byName.Keys));
    }

    // Trim, and turn every run of spaces into one: AWS does this inside quoted strings too (test "get-header-value-trim").
    private static string CollapseSpaces(string value)
    {
        var trimmed = value.AsSpan().Trim();
        var builder = new StringBuilder(trimmed.Length);
        var previousWasSpace = false;
        foreach (var c in trimmed)
        {
            var isSpace = c is ' ' or '\t';
            if (isSpace && previousWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            previousWasSpace = isSpace;
        }

        return builder.ToString();
    }
}
