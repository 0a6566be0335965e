using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Security.Devices;

public static class DeviceCertificateServiceCollectionExtensions
{
    /// <summary>The device authority, issuer, authenticator and the TLS doors' server certificate; nothing is created until used.</summary>
    public static IServiceCollection AddTwinsDeviceCertificates(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        services.AddOptions<DeviceCertificateOptions>().Bind(configuration.GetSection(DeviceCertificateOptions.Section)).ValidateOnStart();
        services.AddOptions<TlsOptions>().Bind(configuration.GetSection(TlsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeviceCertificateOptions>, DeviceCertificateOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TlsOptions>, DeviceCertificateOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DeviceCertificateAuthorityProvider(
            sp.GetRequiredService<IOptions<DeviceCertificateOptions>>(), sp.GetRequiredService<TimeProvider>(), dataDirectory));
        services.TryAddSingleton<DeviceCertificateAuthenticator>();
        services.TryAddSingleton<DeviceCertificateIssuer>();
        services.TryAddSingleton<TlsServerCertificate>();
        return services;
    }
}
