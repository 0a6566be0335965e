using Microsoft.Extensions.Options;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Checks <see cref="DynamoDbClusteringOptions"/> at start-up (registered with <c>ValidateOnStart</c>), reporting every
/// problem at once.
/// </summary>
public sealed class DynamoDbClusteringOptionsValidator : IValidateOptions<DynamoDbClusteringOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DynamoDbClusteringOptions options)
    {
        var problems = Validate(options);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"DynamoDB clustering is misconfigured: {string.Join(" ", problems)}");
    }

    /// <summary>Returns one sentence per problem found in <paramref name="options"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(DynamoDbClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        DynamoDbConnectionValidation.Validate(options, DynamoDbConnectionValidation.SettingNamer(options, "the membership table"), problems);
        return problems;
    }
}
