using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Wearables.Twins.Security;
using Wearables.Twins.Security.Access;
using Wearables.Twins.Security.Audit;
using Wearables.Twins.Security.Devices;

namespace Wearables.Twins.Api.Security;

/// <summary>
/// Registers authentication (JWT from the local issuer or Cognito; device certificates), authorization, the audit log and
/// rate limits.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddTwinsSecurity(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => LocalSigningKey.Load(
            sp.GetRequiredService<IOptions<AuthOptions>>().Value.LocalKeyPath ?? LocalIssuer.KeyPath(dataDirectory), create: true));
        services.TryAddSingleton<LocalTokenIssuer>();

        services.AddTwinsDeviceCertificates(configuration, dataDirectory);
        services.AddTwinsAuthenticationSchemes();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IServiceProvider>((jwt, auth, provider) => ConfigureJwt(jwt, auth.Value, provider));
        services.AddTransient<IClaimsTransformation, TwinsClaimsTransformation>();
        services.AddAuthorization(TwinsPolicies.Add);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>();
        services.TryAddSingleton<PatientAccess>();

        services.TryAddSingleton<IAuditLog>(sp => new SqliteAuditLog(
            Path.Combine(dataDirectory, "security", "audit.db"), sp.GetRequiredService<ILogger<SqliteAuditLog>>()));

        var limits = new RateLimitOptions();
        configuration.GetSection(RateLimitOptions.Section).Bind(limits);
        services.AddRateLimiter(o => RateLimits.Add(o, limits));
        return services;
    }

    private static void ConfigureJwt(JwtBearerOptions jwt, AuthOptions auth, IServiceProvider provider)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            NameClaimType = TwinsClaimTypes.Subject,
            RoleClaimType = TwinsClaimTypes.Role,
            ClockSkew = TimeSpan.FromMinutes(1),
            ValidateLifetime = true,
            RequireExpirationTime = true,
        };
        if (auth.Provider == AuthProviders.Cognito)
        {
            var cognito = auth.Cognito;
            jwt.Authority = cognito.ResolvedAuthority;
            jwt.RequireHttpsMetadata = !cognito.AllowHttpAuthority;
            jwt.TokenValidationParameters.ValidIssuer = cognito.ResolvedAuthority;

            // Cognito access tokens carry no aud; the app client is checked after signature and issuer, below.
            jwt.TokenValidationParameters.ValidateAudience = false;
            jwt.Events = new JwtBearerEvents { OnTokenValidated = context => CognitoClientCheck.Apply(context, cognito.ClientIds) };
            return;
        }

        var key = provider.GetRequiredService<LocalSigningKey>();
        jwt.TokenValidationParameters.ValidIssuer = LocalIssuer.Issuer;
        jwt.TokenValidationParameters.ValidAudience = LocalIssuer.Audience;
        jwt.TokenValidationParameters.IssuerSigningKey = key.SecurityKey;
    }
}
