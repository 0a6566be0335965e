namespace Wearables.Twins.Aws.Options;

/// <summary>The checks every AWS endpoint section shares; a client's validator adds its own and reports all at once.</summary>
public static class AwsEndpointOptionsValidation
{
    /// <summary>Adds one sentence per problem to <paramref name="failures"/>, naming the setting under <paramref name="section"/>.</summary>
    public static void Validate(AwsEndpointOptions options, string section, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add($"{section}:Region is required (e.g. eu-west-1); it is part of every SigV4 signature.");
        }
        else if (options.Region.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            failures.Add($"{section}:Region '{options.Region}' is not a region name (lower-case letters, digits and '-').");
        }

        if (options.ServiceUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            failures.Add($"{section}:ServiceUrl must be an absolute http(s) URL; got '{url}'.");
        }

        if (!string.IsNullOrEmpty(options.AccessKeyId) && string.IsNullOrEmpty(options.SecretAccessKey))
        {
            failures.Add($"{section}:SecretAccessKey is required when {section}:AccessKeyId is set.");
        }
    }
}
