namespace Wearables.Twins.Cli.Api;

/// <summary>An application/problem+json body; the service adds a machine-readable <c>reason</c> to RFC 9457's fields.</summary>
internal sealed record ApiProblem(string? Type, string? Title, int? Status, string? Detail, string? Reason)
{
    /// <summary>"title — detail (reason)", leaving out what the service did not send.</summary>
    public string Describe()
    {
        var text = Title ?? (Status is { } status ? $"HTTP {status}" : "The request failed.");
        if (!string.IsNullOrEmpty(Detail))
        {
            text += $" — {Detail}";
        }

        return string.IsNullOrEmpty(Reason) ? text : $"{text} ({Reason})";
    }
}
