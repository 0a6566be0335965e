using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Grains.Patients;

/// <summary>
/// The risk side of the twin: every accepted batch feeds the personal baselines at once (cheap, in memory); the
/// engine itself runs debounced on a grain timer, never inside the ingest call, and its transitions go through an
/// outbox in the twin's state to the recommendations topic (at least once; consumers deduplicate by id).
/// </summary>
public sealed partial class PatientGrain
{
    /// <summary>Changes arriving within this long of each other are scored once.</summary>
    internal static readonly TimeSpan RiskDebounce = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan OutboxRetry = TimeSpan.FromSeconds(10);

    private IGrainTimer? _riskTimer;
    private IGrainTimer? _outboxTimer;

    public ValueTask<RiskStatus> GetRiskAsync() => ValueTask.FromResult(State.Risk.ToStatus());

    public async ValueTask<RiskStatus> SetObservationsAsync(ImmutableArray<ManualObservation> observations, ClinicalFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        State.Observations = observations.IsDefault ? [] : observations;
        State.Flags = flags;
        _dirty = true;
        await EvaluateRiskAsync(CancellationToken.None);
        return State.Risk.ToStatus();
    }

    private void ObserveForRisk(ReadOnlySpan<VitalSample> accepted)
    {
        // Steps only serve to tell resting heart rate; copying the window out is skipped for batches without any.
        var steps = Contains(accepted, VitalCatalog.HeartRate.Type) ? Recent(VitalCatalog.Steps) : [];
        PatientRiskMonitor.Observe(State.Risk, accepted, steps.AsSpan());
        _riskTimer ??= this.RegisterGrainTimer(RunRiskEvaluationAsync, new GrainTimerCreationOptions(RiskDebounce, Timeout.InfiniteTimeSpan));
    }

    private async Task RunRiskEvaluationAsync(CancellationToken cancellationToken)
    {
        // The one-shot timer is disposed only after its callback: disposing a grain timer cancels the token of the
        // callback it is running, which would cancel the outbox's publish below.
        try
        {
            await EvaluateRiskAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRiskEvaluationFailed(logger, ex, this.GetPrimaryKeyString());
        }
        finally
        {
            _riskTimer?.Dispose();
            _riskTimer = null;
        }
    }

    private async Task EvaluateRiskAsync(CancellationToken cancellationToken)
    {
        var recent = State.Windows.Values.SelectMany(w => w.Range(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        var input = RiskInput.FromSamples(time.GetUtcNow(), recent) with { Observations = State.Observations, Flags = State.Flags };
        var update = await risk.EvaluateAsync(this.GetPrimaryKeyString(), State.Risk, input, cancellationToken);
        var wearable = State.Wearables.Count > 0 ? State.Wearables[^1] : null;
        foreach (var transition in update.Transitions)
        {
            if (RecommendationFactory.From(transition, wearable, State.CareTeamId) is { } recommendation)
            {
                if (State.Outbox.Count >= PatientState.OutboxCapacity)
                {
                    State.Outbox.RemoveAt(0);
                    State.OutboxDropped++;
                }

                State.Outbox.Add(recommendation);
            }
        }

        _dirty = true;
        await DrainOutboxAsync(cancellationToken);
    }

    private async Task DrainOutboxAsync(CancellationToken cancellationToken)
    {
        while (State.Outbox.Count > 0)
        {
            try
            {
                await recommendations.PublishAsync(State.Outbox[0], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogOutboxRetry(logger, ex, this.GetPrimaryKeyString(), State.Outbox.Count);
                _outboxTimer ??= this.RegisterGrainTimer(RetryOutboxAsync, new GrainTimerCreationOptions(OutboxRetry, Timeout.InfiniteTimeSpan));
                return;
            }

            State.Outbox.RemoveAt(0);
            _dirty = true;
        }
    }

    private async Task RetryOutboxAsync(CancellationToken cancellationToken)
    {
        var timer = _outboxTimer;
        _outboxTimer = null;
        try
        {
            await DrainOutboxAsync(cancellationToken);
        }
        finally
        {
            // After the callback, as above; a failed drain has registered a fresh timer meanwhile.
            timer?.Dispose();
        }
    }

    private static bool Contains(ReadOnlySpan<VitalSample> samples, VitalType type)
    {
        foreach (ref readonly var sample in samples)
        {
            if (sample.Type == type)
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<VitalSample> Recent(VitalDefinition vital)
        => State.Windows.TryGetValue(vital.Type.Id, out var window) ? window.Range(DateTimeOffset.MinValue, DateTimeOffset.MaxValue) : [];

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Risk evaluation of patient {PatientId} failed; the next change retries")]
    private static partial void LogRiskEvaluationFailed(ILogger logger, Exception exception, string patientId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "Patient {PatientId} could not publish its recommendations ({Pending} pending); retrying")]
    private static partial void LogOutboxRetry(ILogger logger, Exception exception, string patientId, int pending);
}
