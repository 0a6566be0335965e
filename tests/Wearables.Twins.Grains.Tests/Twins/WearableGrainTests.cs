using Wearables.Twins.Grains.Wearables;
using Wearables.Twins.Telemetry;
using Wearables.Twins.Vitals;
using static Wearables.Twins.Grains.Tests.Samples;

namespace Wearables.Twins.Grains.Tests.Twins;

[Collection(ClusterCollection.Name)]
public sealed class WearableGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task UnknownWearableHasNoStatus()
    {
        var wearable = _grains.GetGrain<IWearableGrain>(NewId("w"));

        Assert.Null(await wearable.GetStatusAsync());
    }

    [Fact]
    public async Task RecordedWearableIsKnownWithCountsDeviceAndLastSeen()
    {
        var id = NewId("w");
        var wearable = _grains.GetGrain<IWearableGrain>(id);
        var received = new DateTimeOffset(2026, 11, 27, 11, 0, 0, TimeSpan.Zero);

        var result = await wearable.RecordAsync(Batch(id, "m1", received, new DeviceInfo("Acme", "W1", "1.2.3", 81),
            HeartRate(0), HeartRate(1), Spo2(0)));

        Assert.Equal((3, 0), Counts(result));
        var status = await wearable.GetStatusAsync();
        Assert.NotNull(status);
        Assert.Equal(id, status.WearableId);
        Assert.Null(status.PatientId);
        Assert.Equal("Acme", status.Vendor);
        Assert.Equal("W1", status.Model);
        Assert.Equal("1.2.3", status.Firmware);
        Assert.Equal(81, status.BatteryPercent);
        Assert.Equal(received, status.FirstSeen);
        Assert.Equal(received, status.LastSeen);
        Assert.Equal(1, status.Messages);
        Assert.Equal(3, status.Samples);
        Assert.Equal(0, status.Duplicates);
        Assert.Equal(2, status.SamplesByVital[VitalCatalog.HeartRate.Code]);
        Assert.Equal(1, status.SamplesByVital[VitalCatalog.OxygenSaturation.Code]);
        Assert.Equal(2, status.SamplesByVital.Count);
    }

    [Fact]
    public async Task NewerMessageUpdatesLastSeenAndOnlyTheDeviceFieldsItCarries()
    {
        var id = NewId("w");
        var wearable = _grains.GetGrain<IWearableGrain>(id);
        var first = new DateTimeOffset(2026, 11, 27, 11, 0, 0, TimeSpan.Zero);

        await wearable.RecordAsync(Batch(id, "m1", first, new DeviceInfo("Acme", "W1", "1.2.3", 81), HeartRate(0)));
        await wearable.RecordAsync(Batch(id, "m2", first.AddMinutes(5), new DeviceInfo(null, null, "1.2.4", 75), HeartRate(5)));
        await wearable.RecordAsync(Batch(id, "m3", first.AddMinutes(1), new DeviceInfo("Stale", "Old", "0.9", 99), HeartRate(1)));

        var status = await wearable.GetStatusAsync();
        Assert.NotNull(status);
        Assert.Equal(first, status.FirstSeen);
        Assert.Equal(first.AddMinutes(5), status.LastSeen);
        Assert.Equal("Acme", status.Vendor);
        Assert.Equal("W1", status.Model);
        Assert.Equal("1.2.4", status.Firmware);
        Assert.Equal(75, status.BatteryPercent);
        Assert.Equal(3, status.Messages);
        Assert.Equal(3, status.Samples);
    }

    [Fact]
    public async Task BoundButSilentWearableIsKnown()
    {
        var id = NewId("w");
        var patientId = NewId("p");

        var bound = await _grains.GetGrain<IWearableGrain>(id).BindAsync(patientId);

        Assert.Equal(patientId, bound.PatientId);
        var status = await _grains.GetGrain<IWearableGrain>(id).GetStatusAsync();
        Assert.NotNull(status);
        Assert.Equal(patientId, status.PatientId);
        Assert.Null(status.FirstSeen);
        Assert.Equal(0, status.Messages);
    }

    [Fact]
    public async Task RedeliveredMessageToAnUnboundWearableIsADuplicateAndNotHeldTwice()
    {
        var id = NewId("w");
        var wearable = _grains.GetGrain<IWearableGrain>(id);
        var batch = Batch(id, HeartRate(0), HeartRate(1));

        Assert.Equal((2, 0), Counts(await wearable.RecordAsync(batch)));
        Assert.Equal((0, 2), Counts(await wearable.RecordAsync(batch)));

        var status = await wearable.GetStatusAsync();
        Assert.NotNull(status);
        Assert.Equal(1, status.Messages);
        Assert.Equal(2, status.Samples);
        Assert.Equal(2, status.Duplicates);
        Assert.Equal(2, status.PendingSamples);
    }

    [Fact]
    public async Task UnboundWearableHoldsAtMostItsCapacityAndDropsTheOldest()
    {
        var (id, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(id);
        const int Sent = WearableState.PendingCapacity + 10;

        for (var start = 0; start < Sent; start += 5000)
        {
            var samples = Enumerable.Range(start, Math.Min(5000, Sent - start)).Select(i => HeartRate(T0.AddSeconds(i))).ToArray();
            await wearable.RecordAsync(Batch(id, samples));
        }

        var held = await wearable.GetStatusAsync();
        Assert.NotNull(held);
        Assert.Equal(WearableState.PendingCapacity, held.PendingSamples);
        Assert.Equal(10, held.PendingDropped);
        Assert.Equal(Sent, held.Samples);

        await wearable.BindAsync(patientId);

        var patient = _grains.GetGrain<IPatientGrain>(patientId);
        var status = await patient.GetStatusAsync();
        Assert.NotNull(status);
        Assert.Equal(T0.AddSeconds(Sent - 1), Assert.Single(status.Latest).Sample.Time);
        var window = await patient.GetVitalsAsync(VitalCatalog.HeartRate.Type, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.Equal(VitalCatalog.HeartRate.WindowCapacity, window.Length);
        Assert.Equal(T0.AddSeconds(Sent - VitalCatalog.HeartRate.WindowCapacity), window[0].Time);
        Assert.Equal(0, (await wearable.GetStatusAsync())!.PendingSamples);
    }

    [Fact]
    public async Task BindingToTheSamePatientAgainChangesNothing()
    {
        var id = NewId("w");
        var patientId = NewId("p");
        var wearable = _grains.GetGrain<IWearableGrain>(id);
        await wearable.BindAsync(patientId);
        await wearable.RecordAsync(Batch(id, HeartRate(0)));

        var again = await wearable.BindAsync(patientId);

        Assert.Equal(patientId, again.PatientId);
        var patient = await _grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        Assert.NotNull(patient);
        Assert.Equal([id], patient.Wearables.ToArray());
        Assert.Equal(1, patient.Samples);
    }
}
