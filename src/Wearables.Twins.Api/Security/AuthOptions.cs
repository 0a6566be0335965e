namespace Wearables.Twins.Api.Security;

/// <summary>Who may sign tokens the API accepts (<c>Twins:Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Twins:Auth";

    /// <summary><c>local</c> (the embedded profile's own issuer, key under the data directory) or <c>cognito</c> (an Amazon Cognito user pool).</summary>
    public string Provider { get; set; } = AuthProviders.Local;

    /// <summary>Path of the local issuer's signing key; defaults to <c>security/local-issuer-key.pem</c> under the data directory.</summary>
    public string? LocalKeyPath { get; set; }

    public CognitoAuthOptions Cognito { get; set; } = new();
}

/// <summary>The two token issuers the API can trust.</summary>
public static class AuthProviders
{
    public const string Local = "local";
    public const string Cognito = "cognito";
}

/// <summary>An Amazon Cognito user pool: tokens are checked against its issuer and JWKS.</summary>
public sealed class CognitoAuthOptions
{
    /// <summary>e.g. <c>eu-west-1</c>.</summary>
    public string? Region { get; set; }

    /// <summary>e.g. <c>eu-west-1_AbCdEf123</c>.</summary>
    public string? UserPoolId { get; set; }

    /// <summary>
    /// The issuer URL; derived from <see cref="Region"/> and <see cref="UserPoolId"/> when empty. Set it only to point at a
    /// compatible issuer (tests use a local one over http).
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>App client ids whose tokens are accepted (ID tokens name it in <c>aud</c>, access tokens in <c>client_id</c>).</summary>
    public List<string> ClientIds { get; set; } = [];

    /// <summary>Allows an http authority; never in production.</summary>
    public bool AllowHttpAuthority { get; set; }

    public string? ResolvedAuthority => Authority is { Length: > 0 } authority
        ? authority.TrimEnd('/')
        : Region is { Length: > 0 } && UserPoolId is { Length: > 0 } ? $"https://cognito-idp.{Region}.amazonaws.com/{UserPoolId}" : null;
}
