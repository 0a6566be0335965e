using System.CommandLine;
using Wearables.Twins.Cli.Output;

namespace Wearables.Twins.Cli.Commands.Devices;

/// <summary>
/// <c>twins devices revoke &lt;id&gt; [--serial S] [--reason R]</c>: revokes one certificate, or all of the device's; the
/// device's sessions on the broker end at once on the silo that revoked, within the recheck interval on the others.
/// </summary>
internal sealed class DevicesRevokeCommand : TwinsCommand
{
    private readonly Argument<string> _deviceId = new("id") { Description = "Device id." };

    private readonly Option<string?> _serial = new("--serial")
    {
        Description = "Serial (hex) of the one certificate to revoke; without it every unrevoked certificate of the device is.",
        HelpName = "hex",
    };

    private readonly Option<string?> _reason = new("--reason")
    {
        Description = "Why, e.g. lost or decommissioned: kept in the registry and the audit log.",
        HelpName = "text",
    };

    private readonly Option<bool> _json = CommonOptions.Json();

    public DevicesRevokeCommand(CliRuntime runtime)
        : base("revoke", "Revoke a device's certificate (--serial) or all of them (POST /api/v1/devices/{id}/certificates[/{serial}]/revoke).", runtime)
    {
        Arguments.Add(_deviceId);
        Options.Add(_serial);
        Options.Add(_reason);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var deviceId = parse.GetRequiredValue(_deviceId);
        var result = await context.Api.RevokeDeviceCertificatesAsync(deviceId, parse.GetValue(_serial), parse.GetValue(_reason), cancellationToken);
        if (parse.GetValue(_json))
        {
            context.Output.Json(result.Json);
            return ExitCodes.Success;
        }

        var revoked = result.Value;
        context.Output.Line($"Revoked {Formats.Count(revoked.Length, "certificate")} of device {deviceId}.");
        context.Output.Write(DeviceCertificateTable.Describe(revoked));
        return ExitCodes.Success;
    }
}
