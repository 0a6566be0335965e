using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Workers;
using Wearables.Twins.Workers.Notifications.Contacts;
using Wearables.Twins.Security.Access;

namespace Wearables.Twins.Api.Apis;

/// <summary>How a patient wants to be reached (email, SMS, language, quiet hours, opt-out): the patient, their care team, admins.</summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/patients/{id}/contact").WithTags("Notifications")
            .RequirePatientAccess().RequireRateLimiting(TwinsPolicies.UserRate);
        group.MapGet("", GetAsync).WithSummary("The patient's contact preferences").Produces<ContactPreferences>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("", PutAsync)
            .WithSummary("Create or replace the patient's contact preferences; 400 lists every problem")
            .Accepts<ContactPreferences>("application/json")
            .Produces<ContactPreferences>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("", DeleteAsync).WithSummary("Erase the patient's contact data").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(string id, IContactDirectory contacts, CancellationToken cancellationToken)
        => await contacts.GetAsync(id, cancellationToken) is { } preferences
            ? TypedResults.Json(preferences, WorkersJsonContext.Default.ContactPreferences)
            : Problems.NotFound("contact preferences for patient", id);

    private static async Task<IResult> PutAsync(string id, HttpRequest request, IContactDirectory contacts, CancellationToken cancellationToken)
    {
        ContactPreferences? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, WorkersJsonContext.Default.ContactPreferences, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest("malformed_json", $"The body is not valid contact preferences JSON: {ex.Message}");
        }

        if (body is null)
        {
            return Problems.BadRequest("malformed_json", "The body must be a JSON object of contact preferences.");
        }

        // The route names the patient; a body naming another is a mistake, not a way to write someone else's record.
        var preferences = body with { PatientId = id };
        if (body.PatientId is { Length: > 0 } named && named != id)
        {
            return Problems.BadRequest("patient_mismatch", $"The body names patient '{named}' but the route names '{id}'.");
        }

        if (ContactPreferencesValidation.Validate(preferences) is { Count: > 0 } problems)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "invalid_contact", string.Join(" ", problems),
                new Dictionary<string, object?> { ["problems"] = problems });
        }

        await contacts.UpsertAsync(preferences, cancellationToken);
        return TypedResults.Json(preferences, WorkersJsonContext.Default.ContactPreferences);
    }

    private static async Task<IResult> DeleteAsync(string id, IContactDirectory contacts, CancellationToken cancellationToken)
        => await contacts.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("contact preferences for patient", id);
}
