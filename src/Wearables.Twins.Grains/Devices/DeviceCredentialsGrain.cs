using System.Collections.Immutable;
using Wearables.Twins.Devices;
using Wearables.Twins.Grains.Common;

namespace Wearables.Twins.Grains.Devices;

/// <summary>
/// One device's certificate registry. Reads (the status check every connection makes) never touch storage; writes
/// (issue, revoke) are rare administration and persist before they answer, so a revocation survives a crash.
/// </summary>
public sealed class DeviceCredentialsGrain(
    [PersistentState("deviceCredentials", StorageNames.Twins)] IPersistentState<DeviceCredentialsState> state,
    TimeProvider time) : Grain, IDeviceCredentialsGrain
{
    private List<DeviceCertificateRecord> Certificates => state.State.Certificates;

    public async ValueTask<bool> RecordIssuedAsync(DeviceCertificateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = time.GetUtcNow();
        if (Certificates.Any(c => SameSerial(c.Serial, record.Serial)))
        {
            return true;
        }

        if (Certificates.Count >= DeviceCredentialLimits.MaxRecords && !MakeRoom(now))
        {
            return false;
        }

        Certificates.Add(record);
        await state.WriteStateAsync();
        return true;
    }

    public ValueTask<ImmutableArray<DeviceCertificateRecord>> ListAsync()
        => ValueTask.FromResult(Certificates.OrderByDescending(c => c.IssuedAt).ToImmutableArray());

    public async ValueTask<ImmutableArray<DeviceCertificateRecord>> RevokeAsync(string? serial, string revokedBy, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(revokedBy);
        if (reason is { Length: > DeviceCredentialLimits.MaxReasonLength })
        {
            throw new ArgumentException($"The revocation reason may have at most {DeviceCredentialLimits.MaxReasonLength} characters.", nameof(reason));
        }

        var now = time.GetUtcNow();
        var revoked = ImmutableArray.CreateBuilder<DeviceCertificateRecord>();
        for (var i = 0; i < Certificates.Count; i++)
        {
            var certificate = Certificates[i];
            if (!certificate.IsRevoked && (serial is null || SameSerial(certificate.Serial, serial)))
            {
                Certificates[i] = certificate with { RevokedAt = now, RevokedBy = revokedBy, RevocationReason = reason };
                revoked.Add(Certificates[i]);
            }
        }

        if (serial is not null && revoked.Count == 0 && !Certificates.Any(c => SameSerial(c.Serial, serial)))
        {
            // Issued elsewhere by the same authority: bar it anyway. Its validity is unknown, so it stays until pushed out; a
            // registry full of issued, unexpired certificates takes no more.
            if (Certificates.Count >= DeviceCredentialLimits.MaxRecords && !MakeRoom(now))
            {
                return [];
            }

            var barred = new DeviceCertificateRecord(serial, string.Empty, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, now, revokedBy,
                now, revokedBy, reason);
            Certificates.Add(barred);
            revoked.Add(barred);
        }

        if (revoked.Count > 0)
        {
            await state.WriteStateAsync();
        }

        return revoked.ToImmutable();
    }

    public ValueTask<DeviceCertificateStatus> GetStatusAsync(string serial)
    {
        foreach (var certificate in Certificates)
        {
            if (SameSerial(certificate.Serial, serial))
            {
                return ValueTask.FromResult(certificate.IsRevoked ? DeviceCertificateStatus.Revoked : DeviceCertificateStatus.Active);
            }
        }

        return ValueTask.FromResult(DeviceCertificateStatus.Unknown);
    }

    /// <summary>
    /// Drops an expired record, which no device can use any more; failing that, the oldest barred serial (revoked without
    /// ever being issued here, so refused anyway while only registered certificates are accepted). Records of issued,
    /// unexpired certificates stay, revoked ones above all: a dropped revocation would turn "revoked" into "unknown".
    /// </summary>
    private bool MakeRoom(DateTimeOffset now)
    {
        var victim = Certificates.FindIndex(c => c.NotAfter <= now);
        if (victim < 0)
        {
            victim = Certificates.FindIndex(c => c.IsBarred);
        }

        if (victim < 0)
        {
            return false;
        }

        Certificates.RemoveAt(victim);
        return true;
    }

    // Serials are hex; tools differ in letter case.
    private static bool SameSerial(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
