using Wearables.Twins.Cli.Api;

namespace Wearables.Twins.Cli.Commands.Devices;

/// <summary>
/// The files a provisioning leaves in <c>--out</c>: <c>{id}.crt.pem</c>, <c>{id}.key.pem</c> (owner-only) and the
/// authority as <c>ca.pem</c>. Checked before anything is issued, because a certificate issued while its key cannot be
/// written is a key lost for good.
/// </summary>
internal sealed class CredentialFiles
{
    public const string AuthorityFileName = "ca.pem";

    private CredentialFiles(string directory, string deviceId)
    {
        Directory = directory;
        Certificate = Path.Combine(directory, $"{deviceId}.crt.pem");
        PrivateKey = Path.Combine(directory, $"{deviceId}.key.pem");
        Authority = Path.Combine(directory, AuthorityFileName);
    }

    public string Directory { get; }

    public string Certificate { get; }

    public string PrivateKey { get; }

    public string Authority { get; }

    public static CredentialFiles For(string directory, string deviceId)
    {
        // The service refuses such ids anyway; checked here because the id becomes a file name before the service sees it.
        if (deviceId.Length == 0 || deviceId is "." or ".." || deviceId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || deviceId.Contains('/', StringComparison.Ordinal) || deviceId.Contains('\\', StringComparison.Ordinal))
        {
            throw new CliFailure($"the device id '{deviceId}' cannot name a file; device ids are letters, digits, '.', '_', ':' and '-'.");
        }

        return new CredentialFiles(Path.GetFullPath(directory), deviceId);
    }

    /// <summary>Creates the directory, and refuses to go on when a file would be replaced without <paramref name="force"/>.</summary>
    public void Prepare(bool keyIncluded, bool force)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.Failed, $"cannot create {Directory}: {ex.Message}", ex);
        }

        if (force)
        {
            return;
        }

        var existing = (keyIncluded ? new[] { Certificate, PrivateKey } : [Certificate]).Where(File.Exists).ToArray();
        if (existing.Length > 0)
        {
            throw new CliFailure(
                $"{string.Join(" and ", existing)} already exist{(existing.Length == 1 ? "s" : "")}; nothing was provisioned. "
                + "Pass --force to replace, or choose another --out.");
        }
    }

    /// <summary>True when <c>ca.pem</c> holds another certificate than <paramref name="authorityPem"/>.</summary>
    public bool HoldsOtherAuthority(string authorityPem)
        => File.Exists(Authority) && !SamePem(File.ReadAllText(Authority), authorityPem);

    /// <summary>Writes what the service returned; ca.pem only when it is new or different.</summary>
    public void Write(ProvisionedDeviceView provisioned, bool force)
    {
        ArgumentNullException.ThrowIfNull(provisioned);
        if (provisioned.PrivateKeyPem is { } key)
        {
            // The key first: if anything fails after it, the certificate can be fetched again, the key never.
            WriteFile(PrivateKey, key, secret: true, force);
        }

        WriteFile(Certificate, provisioned.CertificatePem, secret: false, force);
        if (!File.Exists(Authority) || !SamePem(File.ReadAllText(Authority), provisioned.AuthorityPem))
        {
            WriteFile(Authority, provisioned.AuthorityPem, secret: false, overwrite: true);
        }
    }

    /// <summary>
    /// Writes a temporary file beside the target and moves it into place, so no reader sees half a file; a secret is
    /// created owner-only (0600) rather than narrowed afterwards, so it is never readable by others, not even briefly.
    /// </summary>
    private static void WriteFile(string path, string content, bool secret, bool overwrite)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(content.EndsWith('\n') ? content : content + "\n");
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite);
        }
        catch (IOException ex) when (!overwrite && File.Exists(path))
        {
            throw new CliFailure(ExitCodes.Failed, $"{path} appeared while provisioning; the new certificate was not written there. Revoke it and run again.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.Failed, $"cannot write {path}: {ex.Message}", ex);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static bool SamePem(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);
}
