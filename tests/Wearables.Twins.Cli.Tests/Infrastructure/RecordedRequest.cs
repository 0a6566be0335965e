namespace Wearables.Twins.Cli.Tests.Infrastructure;

/// <summary>What the fake service received, so tests can assert on the exact request the CLI made.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The decoded path, as routing sees it.</param>
/// <param name="Query">The query string as sent, with its leading '?'.</param>
/// <param name="RawTarget">The path and query exactly as they arrived, to check the CLI's escaping.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Body">The body text.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, string RawTarget, string? ContentType, string Body);
