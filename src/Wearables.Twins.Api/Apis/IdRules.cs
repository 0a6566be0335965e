using Microsoft.AspNetCore.Http.HttpResults;
using Wearables.Twins.Ingest.Decoding;

namespace Wearables.Twins.Api.Apis;

/// <summary>Path ids follow the same alphabet as device ids, because they become grain keys and topics.</summary>
internal static class IdRules
{
    public static ProblemHttpResult? Check(string kind, string id)
        => Identifiers.IsValid(id)
            ? null
            : Problems.BadRequest("invalid_id",
                $"The {kind} id must be 1–{Identifiers.MaxLength} characters of letters, digits, '.', '_', ':' or '-'.");
}
