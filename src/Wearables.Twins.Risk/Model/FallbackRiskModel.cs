using Microsoft.Extensions.Logging;
using Wearables.Twins.Risk.Engine;

namespace Wearables.Twins.Risk.Model;

/// <summary>
/// A remote model with the built-in engine behind it: any failure of the remote call (error status, timeout, open
/// circuit, unreadable answer) is logged and answered by the built-in engine, marked <see cref="RiskEvaluation.FellBack"/>.
/// Only the caller's own cancellation propagates.
/// </summary>
public sealed partial class FallbackRiskModel : IRiskModel
{
    private readonly IRiskModel _primary;
    private readonly RiskEngine _fallback;
    private readonly ILogger<FallbackRiskModel> _logger;

    public FallbackRiskModel(IRiskModel primary, RiskEngine fallback, ILogger<FallbackRiskModel> logger)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(logger);
        _primary = primary;
        _fallback = fallback;
        _logger = logger;
    }

    public string Name => _primary.Name;

    public async ValueTask<RiskEvaluation> EvaluateAsync(RiskInput input, CancellationToken cancellationToken)
    {
        try
        {
            return await _primary.EvaluateAsync(input, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not ArgumentException)
        {
            LogFellBack(_logger, _primary.Name, exception.GetType().Name, exception);
            return _fallback.Evaluate(input) with { FellBack = true };
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Risk model {Model} failed ({Failure}); the built-in engine answered instead.")]
    private static partial void LogFellBack(ILogger logger, string model, string failure, Exception exception);
}
