using System.Globalization;
using System.Net.Http.Json;

namespace Wearables.Twins.Simulator.Fleet;

/// <summary>Binds devices to their patients through the service's API before they publish.</summary>
internal sealed class PatientBinder(HttpClient http, Uri api)
{
    private const int Attempts = 3;

    private readonly Uri _base = api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");

    public string? LastError { get; private set; }

    public async Task<bool> BindAsync(SimulatedDevice device, CancellationToken cancellationToken)
    {
        var uri = new Uri(_base, $"api/v1/wearables/{Uri.EscapeDataString(device.DeviceId)}/patient");
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                using var content = JsonContent.Create(new BindPatientRequest(device.PatientId), SimulatorJsonContext.Default.BindPatientRequest);
                using var response = await http.PutAsync(uri, content, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                LastError = string.Create(CultureInfo.InvariantCulture,
                    $"PUT {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
                if ((int)response.StatusCode < 500)
                {
                    return false; // The request itself is wrong; repeating it will not help.
                }
            }
            catch (HttpRequestException ex)
            {
                LastError = $"PUT {uri} failed: {ex.Message}";
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                LastError = $"PUT {uri} timed out: {ex.Message}";
            }

            if (attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken);
            }
        }

        return false;
    }
}
