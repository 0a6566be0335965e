using Microsoft.Extensions.Options;

namespace Wearables.Twins.Security.Devices;

/// <summary>Reports every bad device-certificate or TLS setting at once, naming the setting.</summary>
public sealed class DeviceCertificateOptionsValidator : IValidateOptions<DeviceCertificateOptions>, IValidateOptions<TlsOptions>
{
    public ValidateOptionsResult Validate(string? name, DeviceCertificateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = DeviceCertificateOptions.Section;
        var failures = new List<string>();
        if ((options.AuthorityCertificatePath is null) != (options.AuthorityKeyPath is null))
        {
            failures.Add($"{S}:AuthorityCertificatePath and {S}:AuthorityKeyPath go together.");
        }

        if (options.Lifetime < TimeSpan.FromHours(1) || options.Lifetime > TimeSpan.FromDays(3650))
        {
            failures.Add($"{S}:Lifetime must be between 1 hour and 10 years (was {options.Lifetime}).");
        }

        if (options.RecheckInterval < TimeSpan.FromSeconds(1) || options.RecheckInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{S}:RecheckInterval must be between 1 second and 1 hour (was {options.RecheckInterval}).");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, TlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = TlsOptions.Section;
        var failures = new List<string>();
        if (options.KeyPath is not null && options.CertificatePath is null)
        {
            failures.Add($"{S}:KeyPath needs {S}:CertificatePath.");
        }

        foreach (var (key, path) in new[] { ("CertificatePath", options.CertificatePath), ("KeyPath", options.KeyPath) })
        {
            if (path is not null && !File.Exists(path))
            {
                failures.Add($"{S}:{key} '{path}' does not exist.");
            }
        }

        if (options.IssuedLifetime < TimeSpan.FromDays(1))
        {
            failures.Add($"{S}:IssuedLifetime must be at least one day (was {options.IssuedLifetime}).");
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures)
        => failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
