using Wearables.Twins.CareTeams;

namespace Wearables.Twins.Grains.CareTeams;

/// <summary>The bounds a team definition must keep; the grain refuses anything else (the API reports the same rules first).</summary>
internal static class CareTeamDefinitionRules
{
    public static void Check(CareTeamDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (string.IsNullOrWhiteSpace(definition.DisplayName) || definition.DisplayName.Length > CareTeamLimits.MaxDisplayNameLength)
        {
            throw new ArgumentException($"A care team needs a display name of 1–{CareTeamLimits.MaxDisplayNameLength} characters.", nameof(definition));
        }

        var chain = definition.EscalationChain.IsDefault ? [] : definition.EscalationChain;
        if (chain.Length > CareTeamLimits.MaxContacts)
        {
            throw new ArgumentException($"An escalation chain holds at most {CareTeamLimits.MaxContacts} contacts.", nameof(definition));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contact in chain)
        {
            if (contact is null || string.IsNullOrWhiteSpace(contact.Id) || string.IsNullOrWhiteSpace(contact.Name))
            {
                throw new ArgumentException("Every contact needs an id and a name.", nameof(definition));
            }

            if (!ids.Add(contact.Id))
            {
                throw new ArgumentException($"Contact '{contact.Id}' appears twice in the escalation chain.", nameof(definition));
            }
        }

        if (definition.AcknowledgeWithin is not { IsValid: true })
        {
            throw new ArgumentException(
                $"Acknowledge deadlines must be positive and at most {CareTeamLimits.LongestAcknowledgeWithin.TotalDays} days.", nameof(definition));
        }
    }
}
