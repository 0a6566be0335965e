using Microsoft.Extensions.Options;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Messaging;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Messaging.Recommendations;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Workers.Alerts;

/// <summary>
/// Puts recommendations into the inbox of the patient's care team (or of <see cref="CareTeamAlertOptions.DefaultTeamId"/>).
/// The inbox is idempotent by recommendation id and by finding, so a redelivery changes nothing. This handler calls
/// a grain, so it runs where a grain factory is: in the silo host, or a process with an Orleans client.
/// </summary>
public sealed class CareTeamAlertHandler : RecommendationHandler
{
    private readonly IGrainFactory _grains;
    private readonly CareTeamAlertOptions _options;
    private readonly ILogger<CareTeamAlertHandler> _logger;

    public CareTeamAlertHandler(IGrainFactory grains, IOptions<CareTeamAlertOptions> options, ILogger<CareTeamAlertHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _grains = grains;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Handles one recommendation directly (the queue consumer calls this through <see cref="RecommendationHandler"/>).</summary>
    public async ValueTask<MessageOutcome> OpenAsync(Recommendation recommendation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        if (recommendation.Severity < _options.MinimumSeverity)
        {
            CareTeamAlertLog.BelowThreshold(_logger, recommendation.Id);
            return MessageOutcome.Done;
        }

        var teamId = string.IsNullOrWhiteSpace(recommendation.CareTeamId) ? _options.DefaultTeamId : recommendation.CareTeamId;
        if (string.IsNullOrWhiteSpace(teamId))
        {
            CareTeamAlertLog.NoTeam(_logger, recommendation.Id, recommendation.PatientId);
            return MessageOutcome.Done;
        }

        var result = await _grains.GetGrain<ICareTeamInboxGrain>(teamId).OpenAsync(recommendation).AsTask().WaitAsync(cancellationToken);
        CareTeamAlertLog.Applied(_logger, recommendation.Id, teamId, result.Outcome, result.AlertId);
        return MessageOutcome.Done;
    }

    protected override ValueTask<MessageOutcome> HandleAsync(Recommendation recommendation, ReceivedMessage message, CancellationToken cancellationToken)
        => OpenAsync(recommendation, cancellationToken);
}
