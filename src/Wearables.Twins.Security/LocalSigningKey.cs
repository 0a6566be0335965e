using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Wearables.Twins.Security;

/// <summary>
/// The local issuer's ECDSA P-256 key, kept as PKCS#8 PEM in the data directory. The host and the <c>twins token</c>
/// command share it through the file; it never appears in configuration or in the repository. Creation is atomic
/// (<see cref="SecretFile"/>) so two processes starting together agree on one key.
/// </summary>
public sealed class LocalSigningKey : IDisposable
{
    private readonly ECDsa _key;

    private LocalSigningKey(ECDsa key)
    {
        _key = key;
        var parameters = key.ExportParameters(includePrivateParameters: false);
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData([.. parameters.Q.X!, .. parameters.Q.Y!]))[..16];
        // IdentityModel caches signature providers by key id; a cached one would outlive this instance's ECDsa (the CLI
        // and tests load, sign, dispose), so this key opts out of the cache.
        SecurityKey = new ECDsaSecurityKey(key)
        {
            KeyId = KeyId,
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
    }

    /// <summary>Stable id of the key (derived from its public half), written into every token's header.</summary>
    public string KeyId { get; }

    public SecurityKey SecurityKey { get; }

    public SigningCredentials SigningCredentials => new(SecurityKey, SecurityAlgorithms.EcdsaSha256);

    /// <summary>Loads the key at <paramref name="path"/>, creating it first when <paramref name="create"/> and it is missing.</summary>
    public static LocalSigningKey Load(string path, bool create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            if (!create)
            {
                throw new FileNotFoundException(
                    $"No local issuer key at {path}. Start the service once with this data directory (it creates the key), or pass --Twins:DataDirectory.", path);
            }

            CreateAt(path);
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            return new LocalSigningKey(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public void Dispose() => _key.Dispose();

    private static void CreateAt(string path)
        => SecretFile.CreateOnce(path, () =>
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return key.ExportPkcs8PrivateKeyPem();
        });
}
