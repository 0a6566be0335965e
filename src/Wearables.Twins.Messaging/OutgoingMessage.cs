namespace Wearables.Twins.Messaging;

/// <summary>A message published to the topic. <see cref="Kind"/> and <see cref="Severity"/> travel as attributes that queue filters match.</summary>
/// <param name="MessageId">Stable identity chosen by the producer; consumers deduplicate on it.</param>
/// <param name="Kind">Filterable attribute, e.g. "irregular_rhythm".</param>
/// <param name="Severity">Filterable attribute, e.g. "high".</param>
/// <param name="Body">The payload (JSON text).</param>
public sealed record OutgoingMessage(string MessageId, string Kind, string Severity, string Body);
