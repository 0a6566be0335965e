using System.CommandLine;

namespace Wearables.Twins.Cli.Commands.Devices;

/// <summary>
/// <c>twins devices</c>: device credentials from the service's device authority. Devices then connect to the broker's TLS
/// listener (or the HTTPS door) with their certificate; its common name is the only device they may be. Admins only.
/// </summary>
internal sealed class DevicesCommand : Command
{
    public DevicesCommand(CliRuntime runtime)
        : base("devices", "Device certificates: provision them from the service's device authority, list and revoke them (admin token).")
    {
        Subcommands.Add(new DevicesProvisionCommand(runtime));
        Subcommands.Add(new DevicesCertificatesCommand(runtime));
        Subcommands.Add(new DevicesRevokeCommand(runtime));
    }
}
