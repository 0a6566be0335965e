using System.Text.Json;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Messaging.Recommendations;

/// <summary>Maps recommendations to and from messages: message id = recommendation id; attributes kind and severity.</summary>
public static class RecommendationMessages
{
    public static OutgoingMessage ToMessage(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        return new OutgoingMessage(
            recommendation.Id,
            recommendation.Kind,
            recommendation.SeverityCode,
            JsonSerializer.Serialize(recommendation, RecommendationJsonContext.Default.Recommendation));
    }

    /// <summary>Reads the recommendation in a message body.</summary>
    /// <exception cref="InvalidRecommendationMessageException">The body is not a recommendation (a poison message: it will end in the dead-letter queue).</exception>
    public static Recommendation Read(ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Recommendation? recommendation;
        try
        {
            recommendation = JsonSerializer.Deserialize(message.Body, RecommendationJsonContext.Default.Recommendation);
        }
        catch (JsonException ex)
        {
            throw new InvalidRecommendationMessageException($"Message {message.MessageId} on queue {message.Queue} is not a recommendation: {ex.Message}", ex);
        }

        if (recommendation is null || string.IsNullOrWhiteSpace(recommendation.Id) || string.IsNullOrWhiteSpace(recommendation.PatientId)
            || string.IsNullOrWhiteSpace(recommendation.Kind))
        {
            throw new InvalidRecommendationMessageException($"Message {message.MessageId} on queue {message.Queue} lacks a recommendation id, patient or kind.");
        }

        return recommendation;
    }
}
