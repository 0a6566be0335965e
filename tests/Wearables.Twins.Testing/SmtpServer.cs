using System.Globalization;

namespace Wearables.Twins.Testing;

/// <summary>smtp4dev: a real SMTP server with a REST API to read what it received.</summary>
/// <param name="Smtp">Where to send mail, <c>smtp://127.0.0.1:PORT</c>.</param>
/// <param name="Api">Its web API, e.g. <c>GET /api/messages</c>, <c>GET /api/messages/{id}/plaintext</c>.</param>
public sealed record SmtpServer(Uri Smtp, Uri Api)
{
    public const string Version = "3.15.0";

    internal static async Task<SmtpServer> StartAsync()
    {
        var toolPath = Path.Combine(RepositoryRoot.Path, ".tools", "smtp4dev");
        var executable = Path.Combine(toolPath, "smtp4dev");
        if (!File.Exists(executable))
        {
            await using var gate = await FileGate.AcquireAsync(toolPath + ".lock").ConfigureAwait(false);
            if (!File.Exists(executable))
            {
                await NodeTools.RunAsync("dotnet", ["tool", "install", "Rnwood.Smtp4dev", "--version", Version, "--tool-path", toolPath])
                    .ConfigureAwait(false);
            }
        }

        var home = Directory.CreateTempSubdirectory("smtp4dev-").FullName;
        var smtpPort = FreePort.Next();
        var webPort = FreePort.Next();
        string P(int port) => port.ToString(CultureInfo.InvariantCulture);
        await ServerProcess.StartAsync(
            "smtp4dev", executable,
            [$"--urls=http://127.0.0.1:{P(webPort)}", $"--smtpport={P(smtpPort)}", $"--imapport={P(FreePort.Next())}",
                $"--pop3port={P(FreePort.Next())}", "--bindaddress=127.0.0.1", "--disableipv6", "--db=",
                $"--baseappdatapath={Path.Combine(home, "data")}", "--nousersettings"],
            webPort, new Dictionary<string, string> { ["HOME"] = home }, TimeSpan.FromSeconds(120)).ConfigureAwait(false);
        return new SmtpServer(new Uri($"smtp://127.0.0.1:{P(smtpPort)}"), new Uri($"http://127.0.0.1:{P(webPort)}"));
    }
}
