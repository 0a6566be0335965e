using System.CommandLine;
using Wearables.Twins.Security;

namespace Wearables.Twins.Cli.Commands;

/// <summary>
/// <c>twins token --role clinician --team cardiology-a</c>: signs a token with the embedded service's local issuer key
/// (under <c>--data-dir</c>), for people and devices of the embedded profile. Deployments on Cognito issue their own.
/// </summary>
internal sealed class TokenCommand : TwinsCommand
{
    private readonly Option<string> _role = new("--role")
    {
        Description = $"One of {string.Join(", ", TwinsRoles.All)}.",
        Required = true,
    };

    private readonly Option<string?> _subject = new("--subject")
    {
        Description = "Who the token is for: a user id, or the device id for --role device. Defaults to '<role>-<team or patient>'.",
    };

    private readonly Option<string[]> _teams = new("--team")
    {
        Description = "A care team the clinician belongs to (repeat for several).",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _patient = new("--patient") { Description = "The patient id a --role patient token belongs to." };

    private readonly Option<TimeSpan> _lifetime = new("--lifetime")
    {
        Description = "How long it is valid, e.g. 08:00:00 (default 8 hours; devices 365 days).",
    };

    private readonly CliRuntime _runtime;

    public TokenCommand(CliRuntime runtime)
        : base("token", "Sign a token with the embedded service's local issuer (people, devices).", runtime)
    {
        _runtime = runtime;
        _role.AcceptOnlyFromAmong([.. TwinsRoles.All]);
        Options.Add(_role);
        Options.Add(_subject);
        Options.Add(_teams);
        Options.Add(_patient);
        Options.Add(_lifetime);
    }

    protected override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var role = parse.GetRequiredValue(_role);
        var teams = parse.GetValue(_teams) ?? [];
        var patient = parse.GetValue(_patient);
        var subject = parse.GetValue(_subject)
            ?? (role == TwinsRoles.Device ? null : $"{role}-{(teams.Length > 0 ? string.Join('+', teams) : patient ?? "local")}");
        if (subject is null)
        {
            context.Output.Error("--role device needs --subject <device id>.");
            return Task.FromResult(ExitCodes.Failed);
        }

        var given = parse.GetValue(_lifetime);
        var lifetime = given > TimeSpan.Zero ? given : role == TwinsRoles.Device ? TimeSpan.FromDays(365) : TimeSpan.FromHours(8);
        var request = new TokenRequest(subject, role, teams, patient, lifetime);
        if (request.Validate() is { Count: > 0 } errors)
        {
            context.Output.Error(string.Join(" ", errors));
            return Task.FromResult(ExitCodes.Failed);
        }

        var path = LocalIssuer.KeyPath(Path.GetFullPath(parse.GetRequiredValue(_runtime.DataDirectory)));
        try
        {
            using var key = LocalSigningKey.Load(path, create: false);
            context.Output.Line(new LocalTokenIssuer(key, TimeProvider.System).Issue(request));
            return Task.FromResult(ExitCodes.Success);
        }
        catch (FileNotFoundException ex)
        {
            context.Output.Error(ex.Message);
            return Task.FromResult(ExitCodes.Failed);
        }
    }
}
