using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wearables.Twins.Security.Devices;

/// <summary>
/// The local certificate authority that signs device certificates (and the broker's own TLS certificate). Its key is an
/// ECDSA P-256 PEM file kept next to its certificate; on first use both are created in the data directory, or an
/// operator points <see cref="DeviceCertificateOptions"/> at an authority of their own.
/// </summary>
public sealed class DeviceCertificateAuthority : IDisposable
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2", "Client Authentication");
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    private DeviceCertificateAuthority(X509Certificate2 certificate)
    {
        Certificate = certificate;
        CertificatePem = certificate.ExportCertificatePem();
    }

    /// <summary>The authority's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>What devices install to trust the broker, and what verifiers trust device certificates by.</summary>
    public string CertificatePem { get; }

    /// <summary>Loads the authority, creating both files first when <paramref name="create"/> and neither exists.</summary>
    public static DeviceCertificateAuthority Load(string certificatePath, string keyPath, bool create, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificatePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPath);
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(keyPath))
        {
            if (!create)
            {
                throw MissingKey(certificatePath, keyPath);
            }

            // The orphan check runs under the creation lock: outside it, another creator's certificate may be there
            // already with its key still on the way.
            SecretFile.CreateOnce(keyPath, () => File.Exists(certificatePath)
                ? throw MissingKey(certificatePath, keyPath)
                : CreateAuthority(certificatePath, time.GetUtcNow()));
        }

        var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath), File.ReadAllText(keyPath));
        if (!IsAuthority(certificate))
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{certificatePath} is not a certificate authority (basic constraints must allow signing certificates).");
        }

        return new DeviceCertificateAuthority(certificate);
    }

    private static FileNotFoundException MissingKey(string certificatePath, string keyPath) => new(
        $"The device certificate authority's key {keyPath} is missing" +
        (File.Exists(certificatePath) ? $" while its certificate {certificatePath} exists; restore the key or remove both to start a new authority." : "."),
        keyPath);

    /// <summary>Issues a certificate for <paramref name="deviceId"/> on a new P-256 key, returned with it.</summary>
    public X509Certificate2 IssueWithNewKey(string deviceId, DateTimeOffset now, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(DeviceSubject(deviceId), key, HashAlgorithmName.SHA256);
        using var issued = Sign(request, now, lifetime, ClientAuthentication, san: null);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>
    /// Issues a certificate for the key in a PKCS#10 request (the device keeps its private key). The request's own subject
    /// and extensions are ignored: the authority decides what the certificate says.
    /// </summary>
    /// <exception cref="CryptographicException">The request is malformed or its signature does not verify.</exception>
    public X509Certificate2 IssueForRequest(string deviceId, string signingRequestPem, DateTimeOffset now, TimeSpan lifetime)
    {
        var presented = CertificateRequest.LoadSigningRequestPem(signingRequestPem, HashAlgorithmName.SHA256);
        var request = new CertificateRequest(DeviceSubject(deviceId), presented.PublicKey, HashAlgorithmName.SHA256,
            presented.PublicKey.GetRSAPublicKey() is null ? null : RSASignaturePadding.Pkcs1);
        return Sign(request, now, lifetime, ClientAuthentication, san: null);
    }

    /// <summary>A TLS server certificate for the broker and the HTTPS door, naming every host name and address given.</summary>
    public X509Certificate2 IssueServerCertificate(IEnumerable<string> hostNames, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(hostNames);
        var names = new SubjectAlternativeNameBuilder();
        string? first = null;
        foreach (var name in hostNames.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (IPAddress.TryParse(name, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(name);
                first ??= name;
            }
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(first ?? "localhost");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        using var issued = Sign(request, now, lifetime, ServerAuthentication, names.Build());
        using var withKey = issued.CopyWithPrivateKey(key);

        // SslStream wants a key it can hand to the platform's TLS; a PKCS#12 round trip gives it a stored, not ephemeral, one.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
    }

    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Sign(CertificateRequest request, DateTimeOffset now, TimeSpan lifetime, Oid usage, X509Extension? san)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var keyUsage = X509KeyUsageFlags.DigitalSignature | (request.PublicKey.GetRSAPublicKey() is null ? 0 : X509KeyUsageFlags.KeyEncipherment);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(keyUsage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        // Never past the authority's own end, or chains would break before the certificate does.
        // Nor before its start: an operator's authority made minutes ago starts at "now", not five minutes earlier.
        var notBefore = Max(now - TimeSpan.FromMinutes(5), new DateTimeOffset(Certificate.NotBefore.ToUniversalTime()));
        var notAfter = Min(now + lifetime, new DateTimeOffset(Certificate.NotAfter.ToUniversalTime()));

        // Signed through a generator for the authority's key: Create(issuerCertificate, ...) insists the request's key be
        // of the authority's algorithm, which an RSA device key (or an RSA operator authority) is not.
        using var ecdsa = Certificate.GetECDsaPrivateKey();
        using var rsa = ecdsa is null ? Certificate.GetRSAPrivateKey() : null;
        var generator = ecdsa is not null ? X509SignatureGenerator.CreateForECDsa(ecdsa)
            : rsa is not null ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)
            : throw new InvalidOperationException("The device authority's key is neither ECDSA nor RSA.");
        return request.Create(Certificate.SubjectName, generator, notBefore, notAfter, NewSerial());
    }

    private static string CreateAuthority(string certificatePath, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName("Wearables.Twins device CA");
        subject.AddOrganizationName(Environment.MachineName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(now - TimeSpan.FromMinutes(5), now.AddYears(10));

        // The certificate is public and goes first; the key, written last by the caller, marks the pair complete.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(certificatePath))!);
        SecretFile.WriteAtomically(certificatePath, certificate.ExportCertificatePem(), secret: false);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static X500DistinguishedName DeviceSubject(string deviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(deviceId);
        return subject.Build();
    }

    private static bool IsAuthority(X509Certificate2 certificate)
        => certificate.HasPrivateKey
            && certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(c => c.CertificateAuthority);

    private static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive, as RFC 5280 requires
        serial[0] |= 0x01; // and no leading zero byte, so every serial prints with the same length
        return serial;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
