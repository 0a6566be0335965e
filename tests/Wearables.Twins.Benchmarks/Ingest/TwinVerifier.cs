using System.Globalization;
using System.Net;
using System.Text.Json;
using Wearables.Twins.Simulator;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>Reads every wearable and patient twin of the fleet back through the REST API after a round.</summary>
internal static class TwinVerifier
{
    public static async Task<TwinCheck> CheckAsync(
        HttpClient http, SimulatorOptions options, SimulatorResult result, HostMetrics metrics, CancellationToken cancellationToken)
    {
        long wearableSamples = 0, wearableDuplicates = 0, pending = 0, patientSamples = 0;
        int wearablesFound = 0, patientsFound = 0;
        for (var n = 1; n <= options.Devices; n++)
        {
            var suffix = n.ToString("D4", CultureInfo.InvariantCulture);
            if (await GetAsync(http, $"/api/v1/wearables/{options.DevicePrefix}{suffix}", cancellationToken) is { } wearable)
            {
                wearablesFound++;
                wearableSamples += wearable.GetProperty("samples").GetInt64();
                wearableDuplicates += wearable.GetProperty("duplicates").GetInt64();
                pending += wearable.GetProperty("pendingSamples").GetInt64();
            }

            if (await GetAsync(http, $"/api/v1/patients/{options.PatientPrefix}{suffix}", cancellationToken) is { } patient)
            {
                patientsFound++;
                patientSamples += patient.GetProperty("samples").GetInt64();
            }
        }

        return new TwinCheck
        {
            AckedSamples = result.Samples,
            HostAccepted = metrics.SamplesAccepted,
            HostRejected = metrics.SamplesRejected ?? 0,
            HostRefusedMessages = metrics.MessagesRefused ?? 0,
            WearableSamples = wearableSamples,
            WearableDuplicates = wearableDuplicates,
            WearablePending = pending,
            PatientSamples = patientSamples,
            WearablesFound = wearablesFound,
            PatientsFound = patientsFound,
            Devices = options.Devices,
        };
    }

    private static async Task<JsonElement?> GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return document.RootElement.Clone();
    }
}
