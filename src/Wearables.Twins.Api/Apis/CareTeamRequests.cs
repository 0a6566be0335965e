using System.Collections.Immutable;
using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Wearables.Twins.CareTeams;
using Wearables.Twins.CareTeams.Views;

namespace Wearables.Twins.Api.Apis;

/// <summary>Reading and checking the care-team request bodies: each problem gets its own reason code, before any grain is called.</summary>
internal static partial class CareTeamRequests
{
    public const int ShortestDeadlineSeconds = 30;

    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, string shape)
        where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync(request.Body, type, request.HttpContext.RequestAborted);
            return body is null ? (null, Problems.BadRequest("malformed_json", $"The body must be a JSON object: {shape}.")) : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest("malformed_json", $"The body is not valid JSON for {shape}: {ex.Message}"));
        }
    }

    public static (CareTeamDefinition? Definition, ProblemHttpResult? Problem) ToDefinition(CareTeamRequest body)
    {
        if (string.IsNullOrWhiteSpace(body.DisplayName) || body.DisplayName.Length > CareTeamLimits.MaxDisplayNameLength)
        {
            return (null, Problems.BadRequest("invalid_display_name", $"\"displayName\" must be 1–{CareTeamLimits.MaxDisplayNameLength} characters."));
        }

        var chain = body.EscalationChain ?? [];
        if (chain.Count > CareTeamLimits.MaxContacts)
        {
            return (null, Problems.BadRequest("too_many_contacts", $"\"escalationChain\" holds at most {CareTeamLimits.MaxContacts} contacts."));
        }

        var contacts = ImmutableArray.CreateBuilder<CareTeamContact>(chain.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < chain.Count; i++)
        {
            if (ToContact(chain[i], i, ids) is var (contact, problem) && problem is not null)
            {
                return (null, problem);
            }

            contacts.Add(contact!);
        }

        var seconds = body.AcknowledgeWithinSeconds;
        var defaults = AcknowledgeDeadlines.Default;
        if (!TryDeadline(seconds?.High, defaults.High, "high", out var high, out var invalid)
            || !TryDeadline(seconds?.Medium, defaults.Medium, "medium", out var medium, out invalid)
            || !TryDeadline(seconds?.Low, defaults.Low, "low", out var low, out invalid))
        {
            return (null, invalid);
        }

        return (new CareTeamDefinition(body.DisplayName.Trim(), contacts.MoveToImmutable(), new AcknowledgeDeadlines(high, medium, low)), null);
    }

    public static ProblemHttpResult? CheckActor(AlertActionRequest body, bool withNote)
    {
        if (string.IsNullOrWhiteSpace(body.By))
        {
            return Problems.BadRequest("missing_by", "The body must say who acts: {\"by\": \"user-id\"}.");
        }

        if (IdRules.Check("user", body.By) is { } invalid)
        {
            return invalid;
        }

        return withNote && body.Note is { Length: > CareTeamLimits.MaxNoteLength }
            ? Problems.BadRequest("note_too_long", $"\"note\" holds at most {CareTeamLimits.MaxNoteLength} characters.")
            : null;
    }

    private static (CareTeamContact? Contact, ProblemHttpResult? Problem) ToContact(CareTeamContactRequest? contact, int index, HashSet<string> ids)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"Contact {index}");
        if (contact?.Id is null)
        {
            return (null, Problems.BadRequest("missing_contact_id", $"{where} needs an \"id\" (the member's user id)."));
        }

        if (IdRules.Check("contact", contact.Id) is { } invalid)
        {
            return (null, invalid);
        }

        if (!ids.Add(contact.Id))
        {
            return (null, Problems.BadRequest("duplicate_contact", $"{where}: '{contact.Id}' appears twice in the escalation chain."));
        }

        if (string.IsNullOrWhiteSpace(contact.Name) || contact.Name.Length > CareTeamLimits.MaxDisplayNameLength)
        {
            return (null, Problems.BadRequest("missing_contact_name", $"{where} needs a \"name\" of 1–{CareTeamLimits.MaxDisplayNameLength} characters."));
        }

        if (contact.Email is not null && (!MailAddress.TryCreate(contact.Email, out var address) || address.Address != contact.Email))
        {
            return (null, Problems.BadRequest("invalid_email", $"{where}: \"email\" must be a plain email address."));
        }

        if (contact.Phone is not null && !E164().IsMatch(contact.Phone))
        {
            return (null, Problems.BadRequest("invalid_phone", $"{where}: \"phone\" must be an E.164 number, e.g. +5511999990000."));
        }

        return (new CareTeamContact(contact.Id, contact.Name.Trim(), contact.Email, contact.Phone), null);
    }

    private static bool TryDeadline(int? seconds, TimeSpan fallback, string severity, out TimeSpan deadline, out ProblemHttpResult? problem)
    {
        var longest = (int)CareTeamLimits.LongestAcknowledgeWithin.TotalSeconds;
        if (seconds is { } given && (given < ShortestDeadlineSeconds || given > longest))
        {
            deadline = default;
            problem = Problems.BadRequest("invalid_deadline", string.Create(CultureInfo.InvariantCulture,
                $"\"acknowledgeWithinSeconds.{severity}\" must be between {ShortestDeadlineSeconds} and {longest} seconds."));
            return false;
        }

        deadline = seconds is { } value ? TimeSpan.FromSeconds(value) : fallback;
        problem = null;
        return true;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
