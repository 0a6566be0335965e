namespace Wearables.Twins.Simulator.Fleet;

/// <summary>Where a device's client certificate and key are, named as <c>twins devices provision</c> writes them.</summary>
internal sealed record DeviceCertificateFiles(string Certificate, string Key)
{
    public static DeviceCertificateFiles In(string directory, string deviceId)
        => new(Path.Combine(directory, $"{deviceId}.crt.pem"), Path.Combine(directory, $"{deviceId}.key.pem"));
}
