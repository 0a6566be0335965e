using System.CommandLine;
using Wearables.Twins.Cli.Output;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Cli.Commands;

/// <summary>Options several commands share, so they read and validate the same way everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the service's JSON response as it came, for scripts and jq.",
    };

    /// <summary>
    /// A vital code. Completions come from the catalogue, but any code is passed on: the service owns the list
    /// and its error names the valid ones.
    /// </summary>
    public static Option<string> VitalType()
    {
        var option = new Option<string>("--type", "-t")
        {
            Description = $"Vital code: {string.Join(", ", VitalCatalog.All.Select(v => v.Code))}.",
            HelpName = "vital",
            Required = true,
        };
        option.CompletionSources.Add([.. VitalCatalog.All.Select(v => v.Code)]);
        return option;
    }

    /// <summary>
    /// An RFC 3339 time, checked here with the service's own rule (an explicit offset) so a typo fails before
    /// anything is sent; the text itself is passed on unchanged.
    /// </summary>
    public static Option<string> Time(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "rfc3339" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } text && !Rfc3339Text.IsValid(text))
            {
                result.AddError($"{name} must be an RFC 3339 time with an offset, e.g. 2026-11-27T10:00:00+01:00; got '{text}'.");
            }
        });
        return option;
    }
}
