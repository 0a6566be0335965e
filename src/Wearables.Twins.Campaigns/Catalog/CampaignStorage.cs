namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>
/// The grain storage campaigns persist to: the same provider as the twins (<c>"twins"</c>), so whatever the host
/// configured for them (SQLite embedded, DynamoDB on AWS) holds campaigns and engagement too.
/// </summary>
public static class CampaignStorage
{
    public const string Name = "twins";
}
