using Hl7.Fhir.Model;
using Wearables.Twins.Grains;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>Patient and wearable twins as FHIR Patient and Device.</summary>
public static class TwinResources
{
    /// <summary>
    /// The patient twin holds no demographics: the Patient carries its id, that it is active and when its
    /// twin last changed.
    /// </summary>
    public static Patient ToPatient(PatientStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new Patient
        {
            Id = status.PatientId,
            Meta = status.LastUpdate is { } updated ? new Meta { LastUpdated = updated } : null,
            Active = true,
        };
    }

    /// <summary>
    /// The wearable: manufacturer (vendor), model as modelNumber and model-name, firmware as version, battery as a
    /// property, and the patient it is bound to.
    /// </summary>
    public static Device ToDevice(WearableStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var device = new Device
        {
            Id = status.WearableId,
            Meta = status.LastSeen is { } seen ? new Meta { LastUpdated = seen } : null,
            Status = Device.FHIRDeviceStatus.Active,
            Manufacturer = status.Vendor,
            ModelNumber = status.Model,
        };

        if (status.Model is { } model)
        {
            device.DeviceName.Add(new Device.DeviceNameComponent { Name = model, Type = DeviceNameType.ModelName });
        }

        if (status.Firmware is { } firmware)
        {
            device.Version.Add(new Device.VersionComponent
            {
                Type = new CodeableConcept(FhirSystems.DeviceProperty, "firmware", "Firmware version", "Firmware version"),
                Value = firmware,
            });
        }

        if (status.BatteryPercent is { } battery)
        {
            var property = new Device.PropertyComponent
            {
                Type = new CodeableConcept(FhirSystems.DeviceProperty, "battery", "Battery charge", "Battery charge"),
            };
            property.ValueQuantity.Add(new Quantity
            {
                Value = FhirNumbers.ToDecimal(battery), Unit = "%", System = FhirSystems.Ucum, Code = "%",
            });
            device.Property.Add(property);
        }

        if (FhirIds.IsValid(status.PatientId))
        {
            device.Patient = new ResourceReference("Patient/" + status.PatientId);
        }

        return device;
    }
}
