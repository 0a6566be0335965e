namespace Wearables.Twins.Risk.Engine;

/// <summary>
/// The model seam: the built-in engine in-process, or a remote endpoint (SageMaker, or the model server by URL) with
/// the built-in engine as fallback. Stateless: everything needed is in the input.
/// </summary>
public interface IRiskModel
{
    /// <summary>Short name for logs and for <see cref="RiskEvaluation.Model"/>.</summary>
    string Name { get; }

    ValueTask<RiskEvaluation> EvaluateAsync(RiskInput input, CancellationToken cancellationToken);
}
