namespace Wearables.Twins.Ingest.Decoding;

/// <summary>Why a whole envelope was refused before any sample was looked at.</summary>
public sealed record EnvelopeProblem(string Reason, string Detail);
