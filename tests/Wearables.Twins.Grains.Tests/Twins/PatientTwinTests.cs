using Orleans.Core.Internal;
using Wearables.Twins.Telemetry;
using Wearables.Twins.Vitals;
using static Wearables.Twins.Grains.Tests.Samples;

namespace Wearables.Twins.Grains.Tests.Twins;

[Collection(ClusterCollection.Name)]
public sealed class PatientTwinTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task UnknownPatientHasNoStatusAndNoVitals()
    {
        var patient = _grains.GetGrain<IPatientGrain>(NewId("p"));

        Assert.Null(await patient.GetStatusAsync());
        Assert.Empty(await patient.GetVitalsAsync(VitalCatalog.HeartRate.Type, DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task BoundWearableForwardsSamplesToItsPatient()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.BindAsync(patientId);
        var before = DateTimeOffset.UtcNow;

        var result = await wearable.RecordAsync(Batch(wearableId, HeartRate(0, 61), HeartRate(2, 63), HeartRate(1, 62), Spo2(0, 96)));

        Assert.Equal((4, 0), Counts(result));
        var status = await _grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        Assert.NotNull(status);
        Assert.Equal(patientId, status.PatientId);
        Assert.Equal([wearableId], status.Wearables.ToArray());
        Assert.Equal(4, status.Samples);
        Assert.InRange(status.LastUpdate!.Value, before, DateTimeOffset.UtcNow);

        var heartRate = Assert.Single(status.Latest, l => l.Sample.Type == VitalCatalog.HeartRate.Type);
        Assert.Equal(63, heartRate.Sample.Value);
        Assert.Equal(T0.AddMinutes(2), heartRate.Sample.Time);
        Assert.Equal(3, heartRate.Count);
        Assert.Null(heartRate.DayTotal);
        var spo2 = Assert.Single(status.Latest, l => l.Sample.Type == VitalCatalog.OxygenSaturation.Type);
        Assert.Equal(96, spo2.Sample.Value);
        Assert.Equal(2, status.Latest.Length);
    }

    [Fact]
    public async Task PatientStatusShowsTodaysStepTotal()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.BindAsync(patientId);
        var morning = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(1));

        await wearable.RecordAsync(Batch(wearableId, Steps(morning.AddDays(-1), 5000), Steps(morning, 300), Steps(morning.AddHours(2), 700)));

        var status = await _grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        Assert.NotNull(status);
        var steps = Assert.Single(status.Latest);
        Assert.Equal(VitalCatalog.Steps.Type, steps.Sample.Type);
        Assert.Equal(1000, steps.DayTotal);
        Assert.Equal(3, steps.Count);
    }

    [Fact]
    public async Task AWatchAndAPhoneOfOnePatientCountTheSameWalkOnce()
    {
        var (watchId, phoneId, patientId) = (NewId("watch"), NewId("phone"), NewId("p"));
        var watch = _grains.GetGrain<IWearableGrain>(watchId);
        var phone = _grains.GetGrain<IWearableGrain>(phoneId);
        await watch.BindAsync(patientId);
        await phone.BindAsync(patientId);
        var walk = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(1));

        await phone.RecordAsync(Batch(phoneId, Steps(walk, 1100) with { Source = SourceKind.Phone }));
        var result = await watch.RecordAsync(Batch(watchId, Steps(walk, 1000) with { Source = SourceKind.Watch }));

        Assert.Equal((1, 0), Counts(result));
        var status = await _grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        var steps = Assert.Single(status!.Latest);
        Assert.Equal(1000, steps.DayTotal);
        Assert.Equal(SourceKind.Watch, steps.Sample.Source);
    }

    [Fact]
    public async Task HistoryReceivesEveryAcceptedReportButNotExactRepeats()
    {
        var (watchId, phoneId, patientId) = (NewId("watch"), NewId("phone"), NewId("p"));
        var watch = _grains.GetGrain<IWearableGrain>(watchId);
        var phone = _grains.GetGrain<IWearableGrain>(phoneId);
        await watch.BindAsync(patientId);
        await phone.BindAsync(patientId);
        var reading = HeartRate(0, 70) with { Source = SourceKind.Watch };

        await watch.RecordAsync(Batch(watchId, reading, HeartRate(1, 71) with { Source = SourceKind.Watch }));
        await watch.RecordAsync(Batch(watchId, reading));
        await phone.RecordAsync(Batch(phoneId, reading with { Source = SourceKind.Phone, Value = 74 }));

        var handed = fixture.History.For(patientId);
        Assert.Equal(3, handed.Count);
        Assert.Equal([watchId, watchId, phoneId], handed.Select(h => h.WearableId));
        Assert.Equal(SourceKind.Phone, handed[2].Sample.Source);
    }

    [Fact]
    public async Task AFlushAnswersTheIncarnationThatTookTheSamplesUntilTheTwinsAreReactivated()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.BindAsync(patientId);

        var recorded = await wearable.RecordAsync(Batch(wearableId, HeartRate(0, 61)));
        Assert.NotEqual(0, recorded.Incarnation);
        Assert.Equal(recorded.Incarnation, await wearable.FlushAsync());

        // A new activation (here a clean one; after a silo crash, one that lost what it held) answers differently,
        // which tells the sender to deliver its unconfirmed samples again.
        await _grains.GetGrain<IPatientGrain>(patientId).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await wearable.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var again = await wearable.RecordAsync(Batch(wearableId, HeartRate(1, 62)));

        Assert.NotEqual(recorded.Incarnation, again.Incarnation);
        Assert.Equal(again.Incarnation, await wearable.FlushAsync());
    }

    [Fact]
    public async Task RedeliveredMessageAddsNothingAndReportsDuplicates()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.BindAsync(patientId);
        var batch = Batch(wearableId, HeartRate(0), HeartRate(1), Spo2(0));

        Assert.Equal((3, 0), Counts(await wearable.RecordAsync(batch)));
        Assert.Equal((0, 3), Counts(await wearable.RecordAsync(batch)));

        var patient = await _grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        Assert.NotNull(patient);
        Assert.Equal(3, patient.Samples);
        Assert.Equal(2, Assert.Single(patient.Latest, l => l.Sample.Type == VitalCatalog.HeartRate.Type).Count);

        var status = await wearable.GetStatusAsync();
        Assert.NotNull(status);
        Assert.Equal(1, status.Messages);
        Assert.Equal(3, status.Samples);
        Assert.Equal(3, status.Duplicates);
        Assert.Equal(2, status.SamplesByVital[VitalCatalog.HeartRate.Code]);
    }

    [Fact]
    public async Task SameMeasurementInANewMessageIsADuplicateForThePatient()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.BindAsync(patientId);

        await wearable.RecordAsync(Batch(wearableId, HeartRate(0), HeartRate(1)));
        var result = await wearable.RecordAsync(Batch(wearableId, HeartRate(1), HeartRate(2)));

        Assert.Equal((1, 1), Counts(result));
        var patient = await _grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        Assert.NotNull(patient);
        Assert.Equal(3, patient.Samples);
    }

    [Fact]
    public async Task SamplesOfAnUnboundWearableAreHeldAndReachThePatientOnBinding()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        var patient = _grains.GetGrain<IPatientGrain>(patientId);

        await wearable.RecordAsync(Batch(wearableId, HeartRate(0, 60), HeartRate(1, 61)));
        await wearable.RecordAsync(Batch(wearableId, HeartRate(2, 62)));

        var held = await wearable.GetStatusAsync();
        Assert.NotNull(held);
        Assert.Equal(3, held.PendingSamples);
        Assert.Null(held.PatientId);
        Assert.Null(await patient.GetStatusAsync());

        var bound = await wearable.BindAsync(patientId);

        Assert.Equal(0, bound.PendingSamples);
        Assert.Equal(patientId, bound.PatientId);
        var status = await patient.GetStatusAsync();
        Assert.NotNull(status);
        Assert.Equal(3, status.Samples);
        Assert.Equal([wearableId], status.Wearables.ToArray());
        Assert.Equal(62, Assert.Single(status.Latest).Sample.Value);
        Assert.Equal(0, (await wearable.GetStatusAsync())!.PendingSamples);
    }

    [Fact]
    public async Task RebindingDetachesFromTheOldPatientAndSendsNewSamplesToTheNewOne()
    {
        var (wearableId, oldId, newId) = (NewId("w"), NewId("p-old"), NewId("p-new"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.BindAsync(oldId);
        await wearable.RecordAsync(Batch(wearableId, HeartRate(0, 60)));

        var rebound = await wearable.BindAsync(newId);
        await wearable.RecordAsync(Batch(wearableId, HeartRate(5, 90), HeartRate(6, 91)));

        Assert.Equal(newId, rebound.PatientId);
        var old = await _grains.GetGrain<IPatientGrain>(oldId).GetStatusAsync();
        Assert.NotNull(old);
        Assert.DoesNotContain(wearableId, old.Wearables);
        Assert.Equal(1, old.Samples);
        Assert.Equal(60, Assert.Single(old.Latest).Sample.Value);

        var current = await _grains.GetGrain<IPatientGrain>(newId).GetStatusAsync();
        Assert.NotNull(current);
        Assert.Equal([wearableId], current.Wearables.ToArray());
        Assert.Equal(2, current.Samples);
        Assert.Equal(91, Assert.Single(current.Latest).Sample.Value);
    }

    [Fact]
    public async Task VitalsAreReturnedOldestFirstInFromInclusiveToExclusive()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.BindAsync(patientId);
        await wearable.RecordAsync(Batch(wearableId, HeartRate(0), HeartRate(20), HeartRate(40), HeartRate(60), Spo2(30)));

        var late = await wearable.RecordAsync(Batch(wearableId, HeartRate(30)));
        var vitals = await _grains.GetGrain<IPatientGrain>(patientId)
            .GetVitalsAsync(VitalCatalog.HeartRate.Type, T0.AddMinutes(20), T0.AddMinutes(60));

        Assert.Equal((1, 0), Counts(late));
        Assert.Equal([T0.AddMinutes(20), T0.AddMinutes(30), T0.AddMinutes(40)], vitals.Times());
        Assert.All(vitals, s => Assert.Equal(VitalCatalog.HeartRate.Type, s.Type));
    }

    [Fact]
    public async Task VitalsOfAVitalNeverSeenAreEmpty()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.BindAsync(patientId);
        await wearable.RecordAsync(Batch(wearableId, HeartRate(0)));

        Assert.Empty(await _grains.GetGrain<IPatientGrain>(patientId)
            .GetVitalsAsync(VitalCatalog.BodyTemperature.Type, DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task PatientWithAWearableButNoDataIsKnown()
    {
        var patientId = NewId("p");
        await _grains.GetGrain<IWearableGrain>(NewId("w")).BindAsync(patientId);

        var status = await _grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();

        Assert.NotNull(status);
        Assert.Single(status.Wearables);
        Assert.Empty(status.Latest);
        Assert.Equal(0, status.Samples);
        Assert.Null(status.LastUpdate);
    }

    [Fact]
    public async Task TwinsSurviveDeactivationAfterAFlush()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        var patient = _grains.GetGrain<IPatientGrain>(patientId);
        await wearable.BindAsync(patientId);
        var batch = Batch(wearableId, "m1", T0.AddHours(1), new DeviceInfo("Acme", "W1", null, 50),
            HeartRate(0, 60), HeartRate(1, 61), Spo2(0, 97));
        await wearable.RecordAsync(batch);
        await wearable.FlushAsync();

        await Deactivate(wearable, patient);

        var status = await wearable.GetStatusAsync();
        Assert.NotNull(status);
        Assert.Equal(patientId, status.PatientId);
        Assert.Equal("Acme", status.Vendor);
        Assert.Equal(50, status.BatteryPercent);
        Assert.Equal(1, status.Messages);
        Assert.Equal(3, status.Samples);
        Assert.Equal(2, status.SamplesByVital[VitalCatalog.HeartRate.Code]);

        var twin = await patient.GetStatusAsync();
        Assert.NotNull(twin);
        Assert.Equal([wearableId], twin.Wearables.ToArray());
        Assert.Equal(3, twin.Samples);
        Assert.Equal(61, Assert.Single(twin.Latest, l => l.Sample.Type == VitalCatalog.HeartRate.Type).Sample.Value);
        Assert.Equal(
            [T0, T0.AddMinutes(1)],
            (await patient.GetVitalsAsync(VitalCatalog.HeartRate.Type, T0, T0.AddHours(1))).Times());

        // The remembered message ids came back too: a redelivery is still recognised.
        Assert.Equal((0, 3), Counts(await wearable.RecordAsync(batch)));
        Assert.Equal(3, (await patient.GetStatusAsync())!.Samples);
    }

    [Fact]
    public async Task TwinsPersistOnDeactivationWithoutAnExplicitFlush()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        var patient = _grains.GetGrain<IPatientGrain>(patientId);
        await wearable.BindAsync(patientId);
        await wearable.RecordAsync(Batch(wearableId, HeartRate(0, 60), HeartRate(1, 61)));

        await Deactivate(wearable, patient);

        Assert.Equal(2, (await wearable.GetStatusAsync())!.Samples);
        var twin = await patient.GetStatusAsync();
        Assert.NotNull(twin);
        Assert.Equal(2, twin.Samples);
        Assert.Equal(61, Assert.Single(twin.Latest).Sample.Value);
    }

    [Fact]
    public async Task HeldSamplesSurviveDeactivationAndAreForwardedOnBinding()
    {
        var (wearableId, patientId) = (NewId("w"), NewId("p"));
        var wearable = _grains.GetGrain<IWearableGrain>(wearableId);
        await wearable.RecordAsync(Batch(wearableId, HeartRate(0, 60), HeartRate(1, 61)));
        await wearable.FlushAsync();

        await Deactivate(wearable);

        Assert.Equal(2, (await wearable.GetStatusAsync())!.PendingSamples);
        await wearable.BindAsync(patientId);
        var twin = await _grains.GetGrain<IPatientGrain>(patientId).GetStatusAsync();
        Assert.NotNull(twin);
        Assert.Equal(2, twin.Samples);
    }

    private async Task Deactivate(params IAddressable[] grains)
    {
        foreach (var grain in grains)
        {
            await fixture.Cluster.DeactivateAsync(grain);
            Assert.False(fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out _), "the grain is still active");
        }
    }
}
