using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wearables.Twins.Simulator.Fleet;

/// <summary>
/// The TLS material of a fleet, loaded once before any device connects: the authority the broker's certificate must
/// chain to, and each device's client certificate (whose common name must be the device id, or the broker refuses it).
/// </summary>
internal sealed class FleetTlsCredentials : IDisposable
{
    private readonly Dictionary<string, X509Certificate2> _clientCertificates;

    private FleetTlsCredentials(X509Certificate2Collection? trustChain, Dictionary<string, X509Certificate2> clientCertificates)
    {
        TrustChain = trustChain;
        _clientCertificates = clientCertificates;
    }

    /// <summary>The broker's certificate must chain to one of these; null trusts the system's roots.</summary>
    public X509Certificate2Collection? TrustChain { get; }

    /// <exception cref="ArgumentException">A file is not a PEM certificate and key, or names another device.</exception>
    public static FleetTlsCredentials Load(SimulatorOptions options, IReadOnlyList<SimulatedDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(devices);
        X509Certificate2Collection? trustChain = null;
        if (options.CaCertificatePath is { } caPath)
        {
            trustChain = [];
            try
            {
                trustChain.ImportFromPemFile(caPath);
            }
            catch (CryptographicException ex)
            {
                throw new ArgumentException($"--ca: {caPath} is not a PEM certificate ({ex.Message}).", nameof(options), ex);
            }

            if (trustChain.Count == 0)
            {
                throw new ArgumentException($"--ca: {caPath} holds no certificate.", nameof(options));
            }
        }

        var clientCertificates = new Dictionary<string, X509Certificate2>(StringComparer.Ordinal);
        var credentials = new FleetTlsCredentials(trustChain, clientCertificates);
        if (options.ClientCertificateDirectory is not { } directory)
        {
            return credentials;
        }

        try
        {
            foreach (var device in devices)
            {
                clientCertificates[device.DeviceId] = LoadClientCertificate(DeviceCertificateFiles.In(directory, device.DeviceId), device.DeviceId);
            }
        }
        catch
        {
            credentials.Dispose();
            throw;
        }

        return credentials;
    }

    public X509Certificate2? ClientCertificateFor(string deviceId) => _clientCertificates.GetValueOrDefault(deviceId);

    public void Dispose()
    {
        foreach (var certificate in _clientCertificates.Values)
        {
            certificate.Dispose();
        }

        _clientCertificates.Clear();
        if (TrustChain is not null)
        {
            foreach (var certificate in TrustChain)
            {
                certificate.Dispose();
            }
        }
    }

    private static X509Certificate2 LoadClientCertificate(DeviceCertificateFiles files, string deviceId)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(files.Certificate, files.Key);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            // ArgumentException: a well-formed key that belongs to another certificate.
            throw new ArgumentException($"--cert-dir: {files.Certificate} and {files.Key} are not a PEM certificate and its key ({ex.Message}).", ex);
        }

        var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (!string.Equals(commonName, deviceId, StringComparison.Ordinal))
        {
            certificate.Dispose();
            throw new ArgumentException($"--cert-dir: {files.Certificate} is issued to '{commonName}', not to device '{deviceId}'.");
        }

        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        // SChannel cannot use the ephemeral key a PEM import gives; a PKCS#12 round trip stores it. Elsewhere (OpenSSL,
        // Apple) the key is used as it is, which keeps loading a large fleet quick.
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
        }
    }
}
