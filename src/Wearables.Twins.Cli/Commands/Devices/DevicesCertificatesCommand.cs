using System.CommandLine;
using Wearables.Twins.Cli.Output;

namespace Wearables.Twins.Cli.Commands.Devices;

/// <summary><c>twins devices certificates &lt;id&gt;</c>: the device's certificate registry, newest first.</summary>
internal sealed class DevicesCertificatesCommand : TwinsCommand
{
    private readonly Argument<string> _deviceId = new("id") { Description = "Device id." };
    private readonly Option<bool> _json = CommonOptions.Json();

    public DevicesCertificatesCommand(CliRuntime runtime)
        : base("certificates", "List a device's certificates: serial, status, validity, issued and revoked by whom (GET /api/v1/devices/{id}/certificates).", runtime)
    {
        Arguments.Add(_deviceId);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var deviceId = context.Parse.GetRequiredValue(_deviceId);
        var result = await context.Api.GetDeviceCertificatesAsync(deviceId, cancellationToken);
        if (context.Parse.GetValue(_json))
        {
            context.Output.Json(result.Json);
            return ExitCodes.Success;
        }

        var certificates = result.Value;
        if (certificates.Length == 0)
        {
            context.Output.Line($"Device {deviceId} has no certificates (twins devices provision {deviceId}).");
            return ExitCodes.Success;
        }

        context.Output.Line($"Device {deviceId}: {Formats.Count(certificates.Length, "certificate")}");
        context.Output.Write(DeviceCertificateTable.Describe(certificates));
        return ExitCodes.Success;
    }
}
