using Wearables.Twins.Aws.Options;

namespace Wearables.Twins.Risk.SageMaker;

/// <summary>
/// A SageMaker real-time endpoint serving the risk model (or, with <see cref="AwsEndpointOptions.ServiceUrl"/>, the model
/// server or any stand-in speaking the runtime API). Bound from configuration section <see cref="Section"/>.
/// </summary>
public sealed class SageMakerRiskModelOptions : AwsEndpointOptions
{
    public const string Section = "Twins:Risk:SageMaker";

    /// <summary>SigV4 signing name of the SageMaker runtime.</summary>
    public const string SigningService = "sagemaker";

    /// <summary>Endpoint name in POST /endpoints/{EndpointName}/invocations.</summary>
    public string EndpointName { get; set; } = "";

    /// <summary>Per-attempt time limit; a slower answer falls back to the built-in engine.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failure ratio over <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 5;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open (calls go straight to the built-in engine) before a trial call.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
