using System.Collections.Immutable;
using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Fhir.Tests.Infrastructure;
using Wearables.Twins.Grains;

namespace Wearables.Twins.Fhir.Tests.Mapping;

public sealed class TwinResourcesTests
{
    private static readonly DateTimeOffset Seen = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_wearable_is_a_Device_with_maker_model_firmware_battery_and_patient()
    {
        var status = new WearableStatus("watch-42", "patient-42", "Acme", "Band 3", "1.2.3", 81, Seen, Seen, 1, 1, 0, 0, 0,
            ImmutableDictionary<string, long>.Empty);

        var device = FhirAssert.RoundTrip(TwinResources.ToDevice(status));

        Assert.Equal("watch-42", device.Id);
        Assert.Equal(Device.FHIRDeviceStatus.Active, device.Status);
        Assert.Equal("Acme", device.Manufacturer);
        Assert.Equal("Band 3", device.ModelNumber);
        Assert.Equal(DeviceNameType.ModelName, Assert.Single(device.DeviceName).Type);
        Assert.Equal("1.2.3", Assert.Single(device.Version).Value);
        Assert.Equal(81m, Assert.Single(Assert.Single(device.Property).ValueQuantity).Value);
        Assert.Equal("Patient/patient-42", device.Patient?.Reference);
        Assert.Equal(Seen, device.Meta?.LastUpdated);
    }

    [Fact]
    public void An_unbound_wearable_that_said_nothing_about_itself_is_a_bare_active_Device()
    {
        var status = new WearableStatus("watch-1", null, null, null, null, null, null, null, 0, 0, 0, 0, 0,
            ImmutableDictionary<string, long>.Empty);

        var device = FhirAssert.RoundTrip(TwinResources.ToDevice(status));

        Assert.Null(device.Patient);
        Assert.Empty(device.DeviceName);
        Assert.Null(device.Manufacturer);
        Assert.Equal(Device.FHIRDeviceStatus.Active, device.Status);
    }

    [Fact]
    public void A_patient_twin_is_an_active_Patient()
    {
        var patient = FhirAssert.RoundTrip(TwinResources.ToPatient(new PatientStatus("patient-42", ["watch-42"], Seen, [], 3)));

        Assert.Equal("patient-42", patient.Id);
        Assert.True(patient.Active);
        Assert.Equal(Seen, patient.Meta?.LastUpdated);
    }

    [Fact]
    public void The_CapabilityStatement_parses_strictly()
    {
        var capability = FhirAssert.RoundTrip(CapabilityStatements.Create("http://localhost:5080/fhir"));

        Assert.Equal(FHIRVersion.N4_0_1, capability.FhirVersion);
        Assert.Equal("http://localhost:5080/fhir/metadata", capability.Url);
    }
}
