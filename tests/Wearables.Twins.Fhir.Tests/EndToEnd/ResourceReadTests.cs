using System.Net;
using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Fhir.Storage;
using Wearables.Twins.Fhir.Tests.Infrastructure;
using Wearables.Twins.Grains;
using Wearables.Twins.Ingest.Pipeline;
using Wearables.Twins.Telemetry.Wire;
using static Wearables.Twins.Fhir.Tests.Infrastructure.Observations;

namespace Wearables.Twins.Fhir.Tests.EndToEnd;

[Collection(FhirHostCollection.Name)]
public sealed class ResourceReadTests(FhirHostFixture host)
{
    [Fact]
    public async Task A_patient_that_received_an_Observation_is_a_Patient()
    {
        var patient = NewPatient();
        await host.Client.PostAsync("fhir/Observation", HeartRate(patient, DateTimeOffset.UtcNow.AddMinutes(-1), 70));

        var response = await host.Client.GetFhirAsync($"fhir/Patient/{patient}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var resource = response.As<Patient>();
        Assert.Equal(patient, resource.Id);
        Assert.True(resource.Active);
        Assert.NotNull(resource.Meta?.LastUpdated);
    }

    [Fact]
    public async Task A_wearable_is_a_Device_with_what_it_said_about_itself_and_its_patient()
    {
        var patient = NewPatient();
        var device = NewPatient("watch");
        await host.Grains.GetGrain<IWearableGrain>(device).BindAsync(patient);
        var report = await host.Ingestor.IngestAsync(new TelemetryEnvelope
        {
            DeviceId = device,
            MessageId = "m-1",
            Device = new EnvelopeDevice { Vendor = "Acme", Model = "Band 3", Firmware = "1.2.3", Battery = 81 },
            Samples = [new EnvelopeSample { Type = "spo2", Time = FhirTime.ToRfc3339(DateTimeOffset.UtcNow.AddMinutes(-1)), Value = 97, Unit = "%" }],
        }, new IngestSource("test", null));
        Assert.Equal(IngestOutcome.Stored, report.Outcome);

        var read = (await host.Client.GetFhirAsync($"fhir/Device/{device}")).As<Device>();

        Assert.Equal(device, read.Id);
        Assert.Equal("Acme", read.Manufacturer);
        Assert.Equal("Band 3", read.ModelNumber);
        Assert.Equal("Band 3", read.DeviceName.Single().Name);
        Assert.Equal("1.2.3", read.Version.Single().Value);
        Assert.Equal(81m, read.Property.Single().ValueQuantity.Single().Value);
        Assert.Equal($"Patient/{patient}", read.Patient?.Reference);
        Assert.Equal(Device.FHIRDeviceStatus.Active, read.Status);

        // The patient's only wearable is the device its Observations name.
        var search = (await host.Client.GetFhirAsync($"fhir/Observation?patient={patient}")).As<Bundle>();
        Assert.Equal($"Device/{device}", ((Observation)search.Entry.Single().Resource!).Device?.Reference);
    }

    [Fact]
    public async Task An_Observation_without_a_device_binds_the_patients_FHIR_pseudo_device()
    {
        var patient = NewPatient();
        await host.Client.PostAsync("fhir/Observation", HeartRate(patient, DateTimeOffset.UtcNow.AddMinutes(-1), 70));

        var device = (await host.Client.GetFhirAsync($"fhir/Device/{ObservationStore.PseudoDeviceFor(patient)}")).As<Device>();

        Assert.Equal($"fhir-{patient}", device.Id);
        Assert.Equal($"Patient/{patient}", device.Patient?.Reference);
    }

    [Fact]
    public async Task An_Observation_from_an_unbound_device_binds_it_to_the_patient()
    {
        var patient = NewPatient();
        var device = NewPatient("watch");

        var created = await host.Client.PostAsync("fhir/Observation", HeartRate(patient, DateTimeOffset.UtcNow.AddMinutes(-1), 70, device));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal($"Device/{device}", created.As<Observation>().Device?.Reference);
        Assert.Equal(patient, (await host.Grains.GetGrain<IWearableGrain>(device).GetStatusAsync())?.PatientId);
    }

    [Fact]
    public async Task An_Observation_naming_another_patients_device_is_a_409()
    {
        var owner = NewPatient();
        var device = NewPatient("watch");
        await host.Grains.GetGrain<IWearableGrain>(device).BindAsync(owner);
        var stranger = NewPatient();

        var response = await host.Client.PostAsync("fhir/Observation", HeartRate(stranger, DateTimeOffset.UtcNow.AddMinutes(-1), 70, device));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal(FhirReasons.DeviceConflict, Outcomes.ReasonOf(response.As<OperationOutcome>()));
        Assert.Equal(0, (await host.Client.GetFhirAsync($"fhir/Observation?patient={owner}")).As<Bundle>().Total);
    }

    [Theory]
    [InlineData("Patient")]
    [InlineData("Device")]
    [InlineData("Observation")]
    public async Task Unknown_ids_are_404_OperationOutcomes(string type)
    {
        var id = type == "Observation" ? "1.abc.0.nobody" : NewPatient();

        var response = await host.Client.GetFhirAsync($"fhir/{type}/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        var outcome = response.As<OperationOutcome>();
        Assert.Equal(FhirReasons.NotFound, Outcomes.ReasonOf(outcome));
        Assert.Equal(OperationOutcome.IssueType.NotFound, outcome.Issue.Single().Code);
    }

    [Fact]
    public async Task An_id_FHIR_cannot_carry_is_a_400()
    {
        var response = await host.Client.GetFhirAsync("fhir/Patient/has_underscore");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.As<OperationOutcome>();
    }
}
