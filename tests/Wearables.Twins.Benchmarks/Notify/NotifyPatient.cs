using System.Globalization;
using System.Net.Http.Json;

namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>
/// One patient of the run: a unique email address (so a shared smtp4dev cannot confuse runs), the benchmark's care
/// team and a bound watch. Enrolled through the REST API as an administrator would.
/// </summary>
internal sealed record NotifyPatient(string PatientId, string WearableId, string Email)
{
    public const string CareTeam = "notify-bench-cardiology";

    private static readonly string[] EmailOnly = ["email"];

    public static NotifyPatient Create(string run, string role, int index)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"notify-{run}-{role}-{index:D3}");
        return new NotifyPatient(id, id + "-watch", id + "@bench.twins.test");
    }

    public static async Task CreateCareTeamAsync(HttpClient admin, CancellationToken cancellationToken)
    {
        using var response = await admin.PutAsJsonAsync(
            $"/api/v1/care-teams/{CareTeam}", new { displayName = "Cardiology (benchmark)", escalationChain = Array.Empty<object>() }, cancellationToken);
        await EnsureAsync(response, "create the care team");
    }

    /// <summary>Care team, contact preferences (email only, English) and the watch binding.</summary>
    public async Task EnrolAsync(HttpClient admin, CancellationToken cancellationToken)
    {
        using (var response = await admin.PutAsync(new Uri($"/api/v1/care-teams/{CareTeam}/patients/{PatientId}", UriKind.Relative), null, cancellationToken))
        {
            await EnsureAsync(response, $"assign {PatientId} to the care team");
        }

        using (var response = await admin.PutAsJsonAsync(
            $"/api/v1/patients/{PatientId}/contact", new { email = Email, channels = EmailOnly, language = "en" }, cancellationToken))
        {
            await EnsureAsync(response, $"set {PatientId}'s contact preferences");
        }

        using (var response = await admin.PutAsJsonAsync($"/api/v1/wearables/{WearableId}/patient", new { patientId = PatientId }, cancellationToken))
        {
            await EnsureAsync(response, $"bind {WearableId} to {PatientId}");
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
