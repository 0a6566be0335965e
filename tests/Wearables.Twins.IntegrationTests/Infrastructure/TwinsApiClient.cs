using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>The REST calls tests make, returning raw JSON so assertions read like the API documentation.</summary>
internal static class TwinsApiClient
{
    public static async Task BindAsync(this HttpClient http, string wearableId, string patientId)
    {
        using var response = await http.PutAsJsonAsync($"/api/v1/wearables/{wearableId}/patient", new { patientId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> PostTelemetryAsync(this HttpClient http, byte[] json)
    {
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri("/api/v1/telemetry", UriKind.Relative), content);
        return (response.StatusCode, await ReadJsonAsync(response), response.Content.Headers.ContentType?.MediaType);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    /// <summary>Heart-rate sample times the patient twin holds, as UTC ticks.</summary>
    public static async Task<HashSet<long>> HeartRateTimesAsync(this HttpClient http, string patientId)
    {
        var (status, body) = await http.GetJsonAsync($"/api/v1/patients/{patientId}/vitals?type=heart_rate");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("samples").EnumerateArray()
            .Select(s => s.GetProperty("time").GetDateTimeOffset().UtcTicks)
            .ToHashSet();
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var isJson = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true;
        return isJson && text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }
}
