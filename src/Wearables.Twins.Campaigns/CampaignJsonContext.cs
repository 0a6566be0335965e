using System.Text.Json;
using System.Text.Json.Serialization;
using Wearables.Twins.Campaigns.Catalog;
using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Campaigns.Delivery;
using Wearables.Twins.Campaigns.Engagement;
using Wearables.Twins.Campaigns.Running;

namespace Wearables.Twins.Campaigns;

/// <summary>
/// Source-generated JSON for campaign definitions, API bodies and campaign messages. Strict on input, because staff
/// write definitions by hand: unknown properties, missing required ones and nulls where a value is needed are errors
/// (a typo never silently becomes a default).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(CampaignDefinition))]
[JsonSerializable(typeof(CampaignStatus))]
[JsonSerializable(typeof(IReadOnlyList<CampaignStatus>))]
[JsonSerializable(typeof(IReadOnlyList<CampaignProblem>))]
[JsonSerializable(typeof(CampaignRunResult))]
[JsonSerializable(typeof(ConsentRequest))]
[JsonSerializable(typeof(OptOutRequest))]
[JsonSerializable(typeof(EngagementView))]
[JsonSerializable(typeof(CampaignMessage))]
public sealed partial class CampaignJsonContext : JsonSerializerContext;
