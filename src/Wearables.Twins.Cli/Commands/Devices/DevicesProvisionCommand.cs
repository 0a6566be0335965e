using System.CommandLine;
using System.Text.Json.Nodes;
using Wearables.Twins.Cli.Api;
using Wearables.Twins.Cli.Output;

namespace Wearables.Twins.Cli.Commands.Devices;

/// <summary>
/// <c>twins devices provision &lt;id&gt; [--out DIR] [--csr FILE] [--force]</c>: has the service issue a client certificate
/// (CN = device id) and saves it, its private key (0600, when the service made it) and the authority as files.
/// </summary>
internal sealed class DevicesProvisionCommand : TwinsCommand
{
    private readonly Argument<string> _deviceId = new("id")
    {
        Description = "Device id: the certificate's common name, and the only device it may publish as.",
    };

    private readonly Option<DirectoryInfo> _out = new("--out")
    {
        Description = "Directory for {id}.crt.pem, {id}.key.pem and ca.pem (created when missing).",
        HelpName = "dir",
        DefaultValueFactory = _ => new DirectoryInfo("."),
    };

    private readonly Option<FileInfo?> _csr = new("--csr")
    {
        Description = "A PKCS#10 request (PEM) made on the device: its private key stays there and no key file is written.",
        HelpName = "file",
    };

    private readonly Option<bool> _force = new("--force") { Description = "Replace existing certificate, key and ca.pem files." };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print the service's answer as JSON, without the private key, plus the paths of the files written.",
    };

    public DevicesProvisionCommand(CliRuntime runtime)
        : base("provision", "Issue a client certificate to a device and save it with its key and the authority (POST /api/v1/devices/{id}/certificates).", runtime)
    {
        Arguments.Add(_deviceId);
        Options.Add(_out);
        Options.Add(_csr);
        Options.Add(_force);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var deviceId = parse.GetRequiredValue(_deviceId);
        var force = parse.GetValue(_force);
        var files = CredentialFiles.For(parse.GetRequiredValue(_out).FullName, deviceId);
        var csrFile = parse.GetValue(_csr);
        string? csr = null;
        if (csrFile is not null)
        {
            if (!csrFile.Exists)
            {
                throw new CliFailure($"the signing request '{csrFile.FullName}' does not exist.");
            }

            csr = await File.ReadAllTextAsync(csrFile.FullName, cancellationToken);
        }

        // Everything that could stop the files from being written is checked before the certificate exists.
        files.Prepare(keyIncluded: csr is null, force);
        if (!force && File.Exists(files.Authority) && files.HoldsOtherAuthority(await context.Api.GetDeviceAuthorityPemAsync(cancellationToken)))
        {
            throw new CliFailure($"{files.Authority} holds another authority than this service's; nothing was provisioned. "
                + "Pass --force to replace it, or choose another --out.");
        }

        var result = await context.Api.ProvisionDeviceAsync(deviceId, csr, cancellationToken);
        var provisioned = result.Value;
        try
        {
            files.Write(provisioned, force);
        }
        catch (CliFailure failure)
        {
            var serial = provisioned.Certificate.Serial;
            throw new CliFailure(failure.ExitCode, $"{failure.Message} Certificate {serial} was issued but not saved; "
                + $"revoke it with `twins devices revoke {deviceId} --serial {serial}`.", failure);
        }

        var keyWritten = provisioned.PrivateKeyPem is not null;
        if (parse.GetValue(_json))
        {
            context.Output.Json(WithoutKey(result.Json, files, keyWritten));
            return ExitCodes.Success;
        }

        var certificate = provisioned.Certificate;
        context.Output.Line($"Provisioned device {provisioned.DeviceId}: certificate {certificate.Serial} ({certificate.Status}), "
            + $"valid {Formats.Time(certificate.NotBefore)} to {Formats.Time(certificate.NotAfter)}.");
        context.Output.Line($"  certificate  {files.Certificate}");
        context.Output.Line(keyWritten
            ? $"  private key  {files.PrivateKey} (owner-only; the service keeps no copy)"
            : csrFile is null
                ? "  private key  none returned by the service"
                : $"  private key  stays with the device (the certificate is for the key of {csrFile.FullName})");
        context.Output.Line($"  authority    {files.Authority}");
        return ExitCodes.Success;
    }

    /// <summary>The body as the service sent it, minus the private key (stdout ends up in logs), plus where the files went.</summary>
    private static string WithoutKey(string body, CredentialFiles files, bool keyWritten)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json.Remove("privateKeyPem");
        json["files"] = new JsonObject
        {
            ["certificate"] = files.Certificate,
            ["privateKey"] = keyWritten ? files.PrivateKey : null,
            ["authority"] = files.Authority,
        };
        return json.ToJsonString();
    }
}
