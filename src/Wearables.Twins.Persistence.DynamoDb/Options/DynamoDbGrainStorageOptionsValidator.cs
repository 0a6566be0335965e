using System.Globalization;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Checks <see cref="DynamoDbGrainStorageOptions"/> at start-up (registered with <c>ValidateOnStart</c>). Every problem
/// is reported at once, each in a sentence that names the setting.
/// </summary>
public sealed class DynamoDbGrainStorageOptionsValidator : IValidateOptions<DynamoDbGrainStorageOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DynamoDbGrainStorageOptions options)
    {
        var problems = Validate(options, name ?? Microsoft.Extensions.Options.Options.DefaultName);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"DynamoDB grain storage '{name}' is misconfigured: {string.Join(" ", problems)}");
    }

    /// <summary>Returns one sentence per problem found in <paramref name="options"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(DynamoDbGrainStorageOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(name);

        var problems = new List<string>();
        var setting = DynamoDbConnectionValidation.SettingNamer(options, $"grain storage '{name}'");
        DynamoDbConnectionValidation.Validate(options, setting, problems);

        if (options.CompressionThresholdBytes < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{setting(nameof(options.CompressionThresholdBytes))} must be zero or more (it is {options.CompressionThresholdBytes})."));
        }

        const int MinPayload = 1024;
        const int MaxPayload = 380 * 1024;
        if (options.MaxItemPayloadBytes is < MinPayload or > MaxPayload)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{setting(nameof(options.MaxItemPayloadBytes))} must be between {MinPayload} and {MaxPayload} bytes so an item stays under DynamoDB's 400 KB limit (it is {options.MaxItemPayloadBytes})."));
        }

        if (options.GrainStorageSerializer is null)
        {
            problems.Add($"{setting(nameof(options.GrainStorageSerializer))} was not resolved: register the provider with AddDynamoDbGrainStorage or set a serializer.");
        }

        return problems;
    }
}
