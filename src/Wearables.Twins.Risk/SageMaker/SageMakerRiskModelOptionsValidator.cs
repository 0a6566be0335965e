using Microsoft.Extensions.Options;
using Wearables.Twins.Aws.Options;

namespace Wearables.Twins.Risk.SageMaker;

/// <summary>Reports every problem of the SageMaker settings at once, naming each setting.</summary>
public sealed class SageMakerRiskModelOptionsValidator : IValidateOptions<SageMakerRiskModelOptions>
{
    public ValidateOptionsResult Validate(string? name, SageMakerRiskModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = SageMakerRiskModelOptions.Section;
        var failures = new List<string>();
        AwsEndpointOptionsValidation.Validate(options, Section, failures);
        if (string.IsNullOrWhiteSpace(options.EndpointName))
        {
            failures.Add($"{Section}:EndpointName is required (the SageMaker endpoint serving the risk model).");
        }
        else if (options.EndpointName.Length > 63 || !options.EndpointName.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            failures.Add($"{Section}:EndpointName '{options.EndpointName}' is not an endpoint name (letters, digits and '-', at most 63).");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromSeconds(60))
        {
            failures.Add($"{Section}:Timeout must be between 0 and 60 seconds (SageMaker's own limit); got {options.Timeout}.");
        }

        if (options.BreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add($"{Section}:BreakerFailureRatio must be in (0, 1]; got {options.BreakerFailureRatio}.");
        }

        if (options.BreakerMinimumThroughput < 2)
        {
            failures.Add($"{Section}:BreakerMinimumThroughput must be at least 2; got {options.BreakerMinimumThroughput}.");
        }

        if (options.BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || options.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add($"{Section}:BreakerSamplingDuration and BreakDuration must be at least 0.5 s (Polly's minimum).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
