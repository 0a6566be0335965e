namespace Wearables.Twins.Api.Streaming;

/// <summary>The work one stream connection may cause: a bounded number of grain reads per poll, and polls at a fixed pace.</summary>
public static class CareTeamStreamLimits
{
    /// <summary>Tiles one stream shows (the first patients in id order); a bigger team is split across views.</summary>
    public const int MaxTiles = 100;

    /// <summary>Alerts sent per inbox event: active ones first, then the most recently resolved.</summary>
    public const int MaxAlerts = 50;

    /// <summary>How often the stream compares the team's twins and inbox with what it last sent.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>A comment line is sent when nothing else was, so proxies and clients know the stream is alive.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);
}
