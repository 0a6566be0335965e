using Microsoft.Extensions.Options;

namespace Wearables.Twins.Api.Security;

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        switch (options.Provider)
        {
            case AuthProviders.Local:
                break;
            case AuthProviders.Cognito:
                var authority = options.Cognito.ResolvedAuthority;
                if (authority is null)
                {
                    errors.Add($"{AuthOptions.Section}:Cognito needs Region and UserPoolId (or Authority).");
                }
                else if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri)
                    || (uri.Scheme != Uri.UriSchemeHttps && !(options.Cognito.AllowHttpAuthority && uri.Scheme == Uri.UriSchemeHttp)))
                {
                    errors.Add($"{AuthOptions.Section}:Cognito:Authority must be an https URL (was '{authority}').");
                }

                if (options.Cognito.ClientIds.Count == 0)
                {
                    errors.Add($"{AuthOptions.Section}:Cognito:ClientIds must list at least one app client id.");
                }

                break;
            default:
                errors.Add($"{AuthOptions.Section}:Provider must be '{AuthProviders.Local}' or '{AuthProviders.Cognito}' (was '{options.Provider}').");
                break;
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
