namespace Wearables.Twins.CareTeams.Views;

/// <summary>Acknowledge deadlines per severity, in seconds (a request may leave any of them out for its default).</summary>
public sealed record AcknowledgeWithinSeconds(int? High, int? Medium, int? Low)
{
    public static AcknowledgeWithinSeconds From(AcknowledgeDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return new((int)deadlines.High.TotalSeconds, (int)deadlines.Medium.TotalSeconds, (int)deadlines.Low.TotalSeconds);
    }
}
