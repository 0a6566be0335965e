using System.Globalization;
using System.Text.RegularExpressions;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>The checks every DynamoDB connection needs, shared by the storage and clustering validators.</summary>
internal static partial class DynamoDbConnectionValidation
{
    /// <summary>Names a setting by its configuration path when bound from configuration, else by the options property.</summary>
    public static Func<string, string> SettingNamer(DynamoDbConnectionOptions options, string description) =>
        setting => options.SettingsPath is { Length: > 0 } path
            ? $"{path}:{setting}"
            : $"{options.GetType().Name}.{setting} of {description}";

    public static void Validate(DynamoDbConnectionOptions options, Func<string, string> setting, List<string> problems)
    {
        var table = options.TableName;
        if (string.IsNullOrWhiteSpace(table))
        {
            problems.Add($"{setting(nameof(options.TableName))} is required: set it to the DynamoDB table name.");
        }
        else if (!TableNamePattern().IsMatch(table))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{setting(nameof(options.TableName))} '{table}' is not a valid DynamoDB table name (3 to 255 characters among a-z, A-Z, 0-9, '_', '-', '.')."));
        }

        if (options.ServiceUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"{setting(nameof(options.ServiceUrl))} '{url}' must be an absolute http:// or https:// URL (or empty in AWS).");
        }

        if (options.Region is { Length: > 0 } region && !RegionPattern().IsMatch(region))
        {
            problems.Add($"{setting(nameof(options.Region))} '{region}' is not an AWS region name such as 'eu-west-1'.");
        }

        var hasAccessKey = !string.IsNullOrWhiteSpace(options.AccessKey);
        var hasSecretKey = !string.IsNullOrWhiteSpace(options.SecretKey);
        if (hasAccessKey != hasSecretKey)
        {
            problems.Add($"{setting(nameof(options.AccessKey))} and {setting(nameof(options.SecretKey))} must be set together (or both left empty to use the default AWS credential chain).");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
