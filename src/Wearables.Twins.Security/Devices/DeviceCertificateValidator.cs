using System.Security.Cryptography.X509Certificates;

namespace Wearables.Twins.Security.Devices;

/// <summary>
/// Checks a presented certificate against the authority alone (chain, validity, client-authentication use) and reads
/// the device it names. Synchronous and registry-free, so the TLS handshake can call it.
/// </summary>
public static class DeviceCertificateValidator
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    public static DeviceCertificateVerdict Validate(X509Certificate2 presented, X509Certificate2 authority, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(presented);
        ArgumentNullException.ThrowIfNull(authority);
        var serial = presented.SerialNumber;
        var notAfter = new DateTimeOffset(presented.NotAfter.ToUniversalTime());
        if (now >= notAfter || now < new DateTimeOffset(presented.NotBefore.ToUniversalTime()))
        {
            return DeviceCertificateVerdict.Refused(DeviceCertificateRefusals.Expired,
                $"The certificate {serial} is valid from {presented.NotBefore.ToUniversalTime():O} to {presented.NotAfter.ToUniversalTime():O}.", serial);
        }

        if (!AllowsClientAuthentication(presented))
        {
            return DeviceCertificateVerdict.Refused(DeviceCertificateRefusals.WrongUsage,
                $"The certificate {serial} is not for client authentication.", serial);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // the registry is the revocation list
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        if (!chain.Build(presented) || !IsIssuedBy(chain, authority))
        {
            var status = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
            return DeviceCertificateVerdict.Refused(DeviceCertificateRefusals.Untrusted,
                $"The certificate {serial} was not issued by this service's device authority{(status.Length > 0 ? $" ({status})" : "")}.", serial);
        }

        return Identify(presented);
    }

    /// <summary>
    /// The device a certificate names, without checking who issued it: for callers that have validated the chain already
    /// (ASP.NET Core's certificate handler, with the same authority as its only root).
    /// </summary>
    public static DeviceCertificateVerdict Identify(X509Certificate2 presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var serial = presented.SerialNumber;
        var deviceId = CommonName(presented.SubjectName);
        if (string.IsNullOrWhiteSpace(deviceId))
        {
            return DeviceCertificateVerdict.Refused(DeviceCertificateRefusals.NoDeviceName,
                $"The certificate {serial} names no device in its common name.", serial);
        }

        return new DeviceCertificateVerdict(deviceId, serial, new DateTimeOffset(presented.NotAfter.ToUniversalTime()), null, null);
    }

    // The CN itself: GetNameInfo(SimpleName) falls back to other name parts (e.g. an e-mail or O) when there is none.
    private static string? CommonName(X500DistinguishedName subject)
        => subject.EnumerateRelativeDistinguishedNames()
            .Where(n => !n.HasMultipleElements && n.GetSingleElementType().Value == "2.5.4.3")
            .Select(n => n.GetSingleElementValue())
            .LastOrDefault();

    private static bool AllowsClientAuthentication(X509Certificate2 certificate)
    {
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        return usages is null || usages.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Any(o => o.Value == ClientAuthentication);
    }

    // A custom root store still lets a chain end at any root in it; this one holds exactly the authority.
    private static bool IsIssuedBy(X509Chain chain, X509Certificate2 authority)
        => chain.ChainElements.Count >= 2 && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(authority.RawDataMemory.Span);
}
