namespace Wearables.Twins.Aws.Signing;

/// <summary>
/// The three strings signing needs. A plain value so the signing arithmetic does not depend on how credentials
/// were found (AWSSDK.Core's default chain in production, fixed keys in tests and for local stand-ins).
/// </summary>
public readonly record struct SigV4Credentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null);
