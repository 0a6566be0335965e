using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wearables.Twins.Cli.Api;

/// <summary>
/// Source-generated JSON for the CLI's own bodies: no reflection, so start-up stays quick and the tool could be
/// trimmed or AOT-compiled. The envelope itself goes through the Abstractions' TelemetryJsonContext.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PatientView))]
[JsonSerializable(typeof(VitalSeriesView))]
[JsonSerializable(typeof(WearableView))]
[JsonSerializable(typeof(BindWearableRequest))]
[JsonSerializable(typeof(IngestReport))]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(ProvisionDeviceRequest))]
[JsonSerializable(typeof(RevokeDeviceCertificateRequest))]
[JsonSerializable(typeof(ProvisionedDeviceView))]
[JsonSerializable(typeof(DeviceCertificateView[]))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
