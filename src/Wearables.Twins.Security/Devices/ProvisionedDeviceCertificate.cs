using Wearables.Twins.Devices;

namespace Wearables.Twins.Security.Devices;

/// <summary>A newly issued device certificate as handed out once: its record, the PEMs, and the authority to trust.</summary>
/// <param name="Record">What the device's registry now holds.</param>
/// <param name="CertificatePem">The device certificate.</param>
/// <param name="PrivateKeyPem">The device's new key (PKCS#8); null when the device sent a signing request and kept its key.</param>
/// <param name="AuthorityPem">The authority's certificate: the device trusts the broker's certificate through it.</param>
public sealed record ProvisionedDeviceCertificate(
    DeviceCertificateRecord Record, string CertificatePem, string? PrivateKeyPem, string AuthorityPem);
