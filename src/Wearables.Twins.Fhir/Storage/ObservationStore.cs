using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Fhir.Search;
using Wearables.Twins.Grains;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Ingest.Pipeline;
using Wearables.Twins.Telemetry.Wire;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Wearables.Twins.Fhir.Storage;

/// <summary>
/// Stores Observations through the telemetry pipeline: one envelope per Observation, from the Observation's
/// device (or the patient's <c>fhir-{patientId}</c> pseudo-device), bound to the patient if it is unbound.
/// </summary>
internal sealed partial class ObservationStore(
    IGrainFactory grains,
    TelemetryDecoder decoder,
    TelemetryIngestor ingestor,
    ILogger<ObservationStore> logger)
{
    public const string Transport = "fhir";

    /// <summary>The device samples without a Device reference are recorded under.</summary>
    public static string PseudoDeviceFor(string patientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        var id = "fhir-" + patientId;
        return id.Length <= FhirIds.MaxLength
            ? id
            : "fhir-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(patientId)))[..32];
    }

    /// <summary>
    /// The envelope an Observation becomes. The message id is a hash of the sample's content, so a resent
    /// Observation is the same message (idempotent), whatever its resource id or identifiers say.
    /// </summary>
    public static TelemetryEnvelope EnvelopeFor(InboundObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var deviceId = DeviceFor(observation);
        var content = JsonSerializer.SerializeToUtf8Bytes(observation.Sample, TelemetryJsonContext.Default.EnvelopeSample);
        var hash = SHA256.HashData([.. Encoding.UTF8.GetBytes(observation.PatientId + "\n"), .. content]);
        return new TelemetryEnvelope
        {
            DeviceId = deviceId,
            MessageId = "fhir-" + Convert.ToHexStringLower(hash)[..32],
            Samples = [observation.Sample],
        };
    }

    public static string DeviceFor(InboundObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return observation.DeviceId ?? PseudoDeviceFor(observation.PatientId);
    }

    /// <summary>Checks the sample against the live ingest rules without storing anything.</summary>
    public FhirIssue? Validate(InboundObservation observation)
    {
        var decoded = decoder.Decode(EnvelopeFor(observation));
        if (decoded.Problem is { } problem)
        {
            return FhirIssue.BadRequest(IssueType.Invalid, problem.Reason, problem.Detail);
        }

        var verdict = decoded.Verdicts[0];
        return verdict.Status == SampleStatus.Rejected
            ? FhirIssue.BadRequest(IssueTypeOf(verdict.Reason!), verdict.Reason!, verdict.Detail ?? verdict.Reason!, ExpressionOf(verdict.Reason!, observation))
            : null;
    }

    /// <summary>Fails when the Observation's device is bound to another patient (its samples would go there).</summary>
    public async Task<FhirIssue?> CheckDeviceAsync(InboundObservation observation)
    {
        var deviceId = DeviceFor(observation);
        var status = await grains.GetGrain<IWearableGrain>(deviceId).GetStatusAsync();
        return status?.PatientId is { } bound && !string.Equals(bound, observation.PatientId, StringComparison.Ordinal)
            ? new FhirIssue(409, IssueType.Conflict, FhirReasons.DeviceConflict,
                $"Device '{deviceId}' is bound to another patient, so its samples cannot be recorded for Patient/{observation.PatientId}. "
                + "Reference a device of this patient, or none.", "Observation.device")
            : null;
    }

    /// <summary>Validates, binds the device if it is unbound, ingests, and reads the stored Observation back.</summary>
    public async Task<StoreResult> StoreAsync(InboundObservation observation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (Validate(observation) is { } invalid)
        {
            return StoreResult.Failed(invalid);
        }

        var deviceId = DeviceFor(observation);
        var wearable = grains.GetGrain<IWearableGrain>(deviceId);
        var status = await wearable.GetStatusAsync();
        if (status?.PatientId is null)
        {
            // No conditional bind exists on the grain: a concurrent PUT of the same wearable could still win.
            status = await wearable.BindAsync(observation.PatientId);
            LogBound(logger, deviceId, observation.PatientId);
        }

        if (!string.Equals(status.PatientId, observation.PatientId, StringComparison.Ordinal))
        {
            return StoreResult.Failed((await CheckDeviceAsync(observation))!);
        }

        var report = await ingestor.IngestAsync(EnvelopeFor(observation), new IngestSource(Transport, null), cancellationToken);
        switch (report.Outcome)
        {
            case IngestOutcome.Refused:
                return StoreResult.Failed(FhirIssue.BadRequest(IssueType.Invalid, report.Problem!.Reason, report.Problem.Detail));
            case IngestOutcome.Unavailable:
                return StoreResult.Failed(new FhirIssue(503, IssueType.Transient, FhirReasons.Unavailable,
                    "The service could not make the Observation durable; send it again (resending is idempotent)."));
            case IngestOutcome.NothingStored:
                var verdict = report.Samples.FirstOrDefault(s => s.Status == SampleStatus.Rejected);
                return StoreResult.Failed(FhirIssue.BadRequest(IssueTypeOf(verdict.Reason ?? string.Empty),
                    verdict.Reason ?? RejectReasons.MalformedSample, verdict.Detail ?? "The sample was rejected.", ExpressionOf(verdict.Reason ?? string.Empty, observation)));
        }

        var created = report.Duplicates == 0;
        var stored = await ReadBackAsync(observation);
        if (stored is null)
        {
            var id = ObservationIds.For(observation.PatientId, new Vitals.VitalSample(
                observation.Vital.Type, observation.Time, observation.End, double.NaN, double.NaN, []));
            return new StoreResult(created ? 201 : 200, id, null, null,
                "The Observation is stored durably but is older than everything in the patient's recent window, so search does not show it yet.");
        }

        var observationId = ObservationIds.For(observation.PatientId, stored.Value.Sample);
        var resource = VitalObservationMapper.ToObservation(observation.PatientId, stored.Value.Sample, stored.Value.DeviceId);
        return new StoreResult(created ? 201 : 200, observationId, resource, null);
    }

    private async Task<(Vitals.VitalSample Sample, string? DeviceId)?> ReadBackAsync(InboundObservation observation)
    {
        var patient = grains.GetGrain<IPatientGrain>(observation.PatientId);
        var samples = await patient.GetVitalsAsync(observation.Vital.Type, observation.Time, observation.Time.AddTicks(1));
        if (samples.IsEmpty)
        {
            return null;
        }

        var match = samples.FirstOrDefault(s => s.End?.UtcTicks == observation.End?.UtcTicks);
        var sample = samples.Any(s => s.End?.UtcTicks == observation.End?.UtcTicks) ? match : samples[0];
        var status = await patient.GetStatusAsync();
        return (sample, ObservationSearch.DeviceOf(status));
    }

    private static IssueType IssueTypeOf(string reason) => reason switch
    {
        RejectReasons.UnknownType or RejectReasons.UnknownCategory or RejectReasons.UnknownContext => IssueType.CodeInvalid,
        RejectReasons.MissingUnit or RejectReasons.MissingValue => IssueType.Required,
        RejectReasons.FutureTimestamp or RejectReasons.TooOld => IssueType.BusinessRule,
        RejectReasons.SeriesTooLong => IssueType.TooLong,
        RejectReasons.MalformedSample => IssueType.Structure,
        _ => IssueType.Value,
    };

    private static string? ExpressionOf(string reason, InboundObservation observation) => reason switch
    {
        RejectReasons.InvalidTimestamp or RejectReasons.FutureTimestamp or RejectReasons.TooOld or RejectReasons.InvalidInterval => "Observation.effective",
        RejectReasons.MissingUnit or RejectReasons.WrongUnit or RejectReasons.ImplausibleValue or RejectReasons.MissingValue
            or RejectReasons.SeriesTooLong => observation.Vital.Shape is Vitals.VitalShape.Scalar or Vitals.VitalShape.Quantity
                ? "Observation.value"
                : "Observation.component",
        RejectReasons.UnknownCategory => "Observation.value",
        RejectReasons.UnknownContext => "Observation.component",
        _ => null,
    };

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information,
        Message = "Bound unbound wearable {WearableId} to patient {PatientId} for a FHIR Observation")]
    private static partial void LogBound(ILogger logger, string wearableId, string patientId);
}
