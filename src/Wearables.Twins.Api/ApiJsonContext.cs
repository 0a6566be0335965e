using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Wearables.Twins.Api.Views;
using Wearables.Twins.Ingest.Pipeline;
using Wearables.Twins.Security.Access;
using Wearables.Twins.Security.Audit;

namespace Wearables.Twins.Api;

/// <summary>Source-generated JSON for every API body.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PatientView))]
[JsonSerializable(typeof(VitalSeriesView))]
[JsonSerializable(typeof(VitalAggregatesView))]
[JsonSerializable(typeof(SqlRequest))]
[JsonSerializable(typeof(ErasureReceiptView))]
[JsonSerializable(typeof(WearableView))]
[JsonSerializable(typeof(BindWearableRequest))]
[JsonSerializable(typeof(ProvisionDeviceRequest))]
[JsonSerializable(typeof(RevokeDeviceCertificateRequest))]
[JsonSerializable(typeof(ProvisionedDeviceView))]
[JsonSerializable(typeof(DeviceCertificateView[]))]
[JsonSerializable(typeof(IngestReport))]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(IReadOnlyList<ImportReport>))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(Caller))]
[JsonSerializable(typeof(IReadOnlyList<AuditEntry>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
