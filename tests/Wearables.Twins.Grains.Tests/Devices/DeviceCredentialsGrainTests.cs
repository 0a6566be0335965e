using System.Security.Cryptography;
using Wearables.Twins.Devices;
using Wearables.Twins.Grains.Tests.Twins;

namespace Wearables.Twins.Grains.Tests.Devices;

/// <summary>
/// A device's certificate registry: what it answers for a presented serial, how revocation works (also for serials it
/// never saw), its bound, and that all of it survives a deactivation. The silo's clock is the real one.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeviceCredentialsGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AnUnknownDeviceKnowsNoCertificate()
    {
        var device = NewDevice();

        Assert.Empty(await device.ListAsync());
        Assert.Equal(DeviceCertificateStatus.Unknown, await device.GetStatusAsync(NewSerial()));
    }

    [Fact]
    public async Task ARecordedCertificateIsActive_AndOnlyForItsDevice()
    {
        var device = NewDevice();
        var record = Issued();

        Assert.True(await device.RecordIssuedAsync(record));

        Assert.Equal(DeviceCertificateStatus.Active, await device.GetStatusAsync(record.Serial));
        Assert.Equal(DeviceCertificateStatus.Unknown, await device.GetStatusAsync(NewSerial()));
        Assert.Equal([record], await ListAsync(device));
        Assert.Equal(DeviceCertificateStatus.Unknown, await NewDevice().GetStatusAsync(record.Serial));
    }

    [Fact]
    public async Task RecordingTheSameSerialAgainKeepsOneRecord()
    {
        var device = NewDevice();
        var record = Issued();
        await device.RecordIssuedAsync(record);

        Assert.True(await device.RecordIssuedAsync(record with { IssuedBy = "someone-else" }));

        Assert.Equal([record], await ListAsync(device));
    }

    [Fact]
    public async Task TheListIsNewestFirst()
    {
        var device = NewDevice();
        var (older, newer, newest) = (Issued(issuedAgo: TimeSpan.FromDays(2)), Issued(issuedAgo: TimeSpan.FromDays(1)), Issued());
        await device.RecordIssuedAsync(newer);
        await device.RecordIssuedAsync(newest);
        await device.RecordIssuedAsync(older);

        Assert.Equal([newest, newer, older], await ListAsync(device));
    }

    [Fact]
    public async Task RevokingOneCertificateLeavesTheOthersActive()
    {
        var device = NewDevice();
        var (kept, revoked) = (Issued(), Issued());
        await device.RecordIssuedAsync(kept);
        await device.RecordIssuedAsync(revoked);
        var before = DateTimeOffset.UtcNow;

        var result = Assert.Single(await device.RevokeAsync(revoked.Serial, "admin@example", "lost"));

        Assert.Equal(revoked.Serial, result.Serial);
        Assert.True(result.IsRevoked);
        Assert.InRange(result.RevokedAt!.Value, before, DateTimeOffset.UtcNow);
        Assert.Equal("admin@example", result.RevokedBy);
        Assert.Equal("lost", result.RevocationReason);
        Assert.Equal(revoked.Thumbprint, result.Thumbprint);
        Assert.Equal(DeviceCertificateStatus.Revoked, await device.GetStatusAsync(revoked.Serial));
        Assert.Equal(DeviceCertificateStatus.Active, await device.GetStatusAsync(kept.Serial));
        Assert.Equal(2, (await device.ListAsync()).Length);
    }

    [Fact]
    public async Task RevokingTwiceRevokesNothingTheSecondTime()
    {
        var device = NewDevice();
        var record = Issued();
        await device.RecordIssuedAsync(record);
        var first = Assert.Single(await device.RevokeAsync(record.Serial, "admin@example", "lost"));

        Assert.Empty(await device.RevokeAsync(record.Serial, "other@example", "again"));

        // The first revocation stands as it was.
        Assert.Equal([first], await ListAsync(device));
    }

    [Fact]
    public async Task RevokingAllRevokesEveryUnrevokedCertificate_AndOnlyThose()
    {
        var device = NewDevice();
        var records = new[] { Issued(), Issued(), Issued() };
        foreach (var record in records)
        {
            await device.RecordIssuedAsync(record);
        }

        await device.RevokeAsync(records[0].Serial, "admin@example", null);

        var revoked = await device.RevokeAsync(null, "admin@example", "device stolen");

        Assert.Equal(new[] { records[1].Serial, records[2].Serial }.Order(StringComparer.Ordinal), revoked.Select(r => r.Serial).Order(StringComparer.Ordinal));
        Assert.All(revoked, r => Assert.Equal("device stolen", r.RevocationReason));
        foreach (var record in records)
        {
            Assert.Equal(DeviceCertificateStatus.Revoked, await device.GetStatusAsync(record.Serial));
        }

        Assert.Empty(await device.RevokeAsync(null, "admin@example", null));
        Assert.Empty(await NewDevice().RevokeAsync(null, "admin@example", null));
    }

    [Fact]
    public async Task RevokingASerialTheRegistryNeverSawBarsIt()
    {
        var device = NewDevice();
        var foreign = NewSerial();

        var barred = Assert.Single(await device.RevokeAsync(foreign, "admin@example", "issued by hand"));

        Assert.Equal(foreign, barred.Serial);
        Assert.True(barred.IsRevoked);
        Assert.Equal("issued by hand", barred.RevocationReason);
        Assert.Equal(DeviceCertificateStatus.Revoked, await device.GetStatusAsync(foreign));
        Assert.Empty(await device.RevokeAsync(foreign, "admin@example", null));
    }

    [Fact]
    public async Task ABarredSerialStaysRevokedWhenLaterRecordedAsIssued()
    {
        var device = NewDevice();
        var record = Issued();
        await device.RevokeAsync(record.Serial, "admin@example", null);

        await device.RecordIssuedAsync(record);

        Assert.Equal(DeviceCertificateStatus.Revoked, await device.GetStatusAsync(record.Serial));
        Assert.Single(await device.ListAsync());
    }

    [Fact]
    public async Task SerialsAreMatchedWhateverTheirLetterCase()
    {
        var device = NewDevice();
        var record = Issued() with { Serial = "7A0B" + NewSerial()[4..].ToUpperInvariant() };
        await device.RecordIssuedAsync(record);
        var lower = record.Serial.ToLowerInvariant();

        Assert.Equal(DeviceCertificateStatus.Active, await device.GetStatusAsync(lower));
        Assert.True(await device.RecordIssuedAsync(record with { Serial = lower }));
        Assert.Single(await device.ListAsync());

        var revoked = Assert.Single(await device.RevokeAsync(lower, "admin@example", null));

        Assert.Equal(record.Serial, revoked.Serial);
        Assert.Equal(DeviceCertificateStatus.Revoked, await device.GetStatusAsync(record.Serial));
        Assert.Equal(DeviceCertificateStatus.Revoked, await device.GetStatusAsync(lower));
        Assert.Single(await device.ListAsync());
    }

    [Fact]
    public async Task AFullRegistryOfUnexpiredCertificatesRefusesAnother()
    {
        var device = NewDevice();
        var records = Enumerable.Range(0, DeviceCredentialLimits.MaxRecords).Select(_ => Issued()).ToList();
        foreach (var record in records)
        {
            Assert.True(await device.RecordIssuedAsync(record));
        }

        var oneTooMany = Issued();

        Assert.False(await device.RecordIssuedAsync(oneTooMany));
        Assert.Equal(DeviceCertificateStatus.Unknown, await device.GetStatusAsync(oneTooMany.Serial));
        Assert.Equal(DeviceCredentialLimits.MaxRecords, (await device.ListAsync()).Length);
        foreach (var record in records)
        {
            Assert.Equal(DeviceCertificateStatus.Active, await device.GetStatusAsync(record.Serial));
        }

        // A certificate already recorded is still acknowledged: provisioning retried after a lost answer is not refused.
        Assert.True(await device.RecordIssuedAsync(records[3]));
    }

    [Fact]
    public async Task AnExpiredCertificateMakesRoomForANewOne()
    {
        var device = NewDevice();
        var expired = Issued(validFor: TimeSpan.FromDays(30), issuedAgo: TimeSpan.FromDays(31));
        var valid = Enumerable.Range(1, DeviceCredentialLimits.MaxRecords - 1).Select(_ => Issued()).ToList();
        foreach (var record in valid.Prepend(expired))
        {
            Assert.True(await device.RecordIssuedAsync(record));
        }

        var next = Issued();

        Assert.True(await device.RecordIssuedAsync(next));
        Assert.Equal(DeviceCertificateStatus.Active, await device.GetStatusAsync(next.Serial));
        Assert.Equal(DeviceCertificateStatus.Unknown, await device.GetStatusAsync(expired.Serial));
        Assert.Equal(DeviceCredentialLimits.MaxRecords, (await device.ListAsync()).Length);
        foreach (var record in valid)
        {
            Assert.Equal(DeviceCertificateStatus.Active, await device.GetStatusAsync(record.Serial));
        }

        // No expired record is left now, so the registry is full again.
        Assert.False(await device.RecordIssuedAsync(Issued()));
    }

    [Fact]
    public async Task ARevocationNeedsSomeoneResponsible_AndAShortReason()
    {
        var device = NewDevice();
        var record = Issued();
        await device.RecordIssuedAsync(record);

        await Assert.ThrowsAsync<ArgumentException>(async () => await device.RevokeAsync(record.Serial, " ", null));
        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await device.RevokeAsync(record.Serial, "admin@example", new string('x', DeviceCredentialLimits.MaxReasonLength + 1)));

        Assert.Equal(DeviceCertificateStatus.Active, await device.GetStatusAsync(record.Serial));
        Assert.Single(await device.RevokeAsync(record.Serial, "admin@example", new string('x', DeviceCredentialLimits.MaxReasonLength)));
    }

    [Fact]
    public async Task RecordsAndRevocationsSurviveDeactivation()
    {
        var device = NewDevice();
        var (active, revoked, foreign) = (Issued(), Issued(), NewSerial());
        await device.RecordIssuedAsync(active);
        await device.RecordIssuedAsync(revoked);
        await device.RevokeAsync(revoked.Serial, "admin@example", "lost");
        await device.RevokeAsync(foreign, "admin@example", "issued by hand");
        var before = await ListAsync(device);

        await fixture.Cluster.DeactivateAsync(device);
        Assert.False(fixture.Cluster.TryGetGrainContext(device.GetGrainId(), out _), "the grain is still active");

        Assert.Equal(before, await ListAsync(device));
        Assert.Equal(DeviceCertificateStatus.Active, await device.GetStatusAsync(active.Serial));
        Assert.Equal(DeviceCertificateStatus.Revoked, await device.GetStatusAsync(revoked.Serial));
        Assert.Equal(DeviceCertificateStatus.Revoked, await device.GetStatusAsync(foreign));
        Assert.Equal(DeviceCertificateStatus.Unknown, await device.GetStatusAsync(NewSerial()));
    }

    // As an array: ImmutableArray's own equality compares array references, not records.
    private static async Task<DeviceCertificateRecord[]> ListAsync(IDeviceCredentialsGrain device) => [.. await device.ListAsync()];

    private IDeviceCredentialsGrain NewDevice() => _grains.GetGrain<IDeviceCredentialsGrain>(Samples.NewId("dev"));

    /// <summary>A record as the issuer makes it; whole seconds, like a certificate's dates.</summary>
    private static DeviceCertificateRecord Issued(TimeSpan? validFor = null, TimeSpan? issuedAgo = null)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var issuedAt = now - (issuedAgo ?? TimeSpan.Zero);
        return new DeviceCertificateRecord(NewSerial(), Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            issuedAt - TimeSpan.FromMinutes(5), issuedAt + (validFor ?? TimeSpan.FromDays(365)), issuedAt, "admin@example");
    }

    private static string NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return Convert.ToHexString(serial);
    }
}
