using Microsoft.Extensions.Options;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Checks <see cref="DynamoDbReminderTableOptions"/> at start-up (registered with <c>ValidateOnStart</c>); the table
/// checks again when it starts. Every problem is reported at once.
/// </summary>
public sealed class DynamoDbReminderTableOptionsValidator : IValidateOptions<DynamoDbReminderTableOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DynamoDbReminderTableOptions options)
    {
        var problems = Validate(options);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"The DynamoDB reminder table is misconfigured: {string.Join(" ", problems)}");
    }

    /// <summary>Returns one sentence per problem found in <paramref name="options"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(DynamoDbReminderTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        DynamoDbConnectionValidation.Validate(options, DynamoDbConnectionValidation.SettingNamer(options, "the reminder table"), problems);
        return problems;
    }
}
