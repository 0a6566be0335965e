namespace Wearables.Twins.Campaigns.Options;

/// <summary>Campaign settings (<c>Twins:Campaigns</c>); checked at start-up by <see cref="CampaignOptionsValidator"/>.</summary>
public sealed class CampaignOptions
{
    public const string Section = "Twins:Campaigns";

    /// <summary>Whether this process runs the scheduler and the campaign queues' consumers. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether a patient must have said yes before any campaign message (LGPD art. 7 I / GDPR art. 6(1)(a)). Default
    /// true. When false, silence is taken as yes, but a recorded withdrawal or opt-out still stops every message.
    /// </summary>
    public bool RequireExplicitConsent { get; set; } = true;

    /// <summary>Global frequency cap: most campaign messages one patient gets in any 7 days, all campaigns together. Default 3.</summary>
    public int MaxMessagesPerPatientPer7Days { get; set; } = 3;

    /// <summary>
    /// The opt-out link every message carries: an absolute http(s) URL that may contain <c>{campaign_id}</c> and
    /// <c>{patient_id}</c> (URL-encoded on the way in). Point it at the patient portal page that calls
    /// <c>POST /api/v1/patients/{id}/campaign-opt-outs</c>.
    /// </summary>
    public string OptOutUrl { get; set; } = "http://localhost:5080/campaigns/opt-out?campaign={campaign_id}";

    /// <summary>How often the scheduler looks for due campaigns. Default 1 minute.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a run may hold its campaign before another process may run it again. Default 30 minutes.</summary>
    public TimeSpan RunLease { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Patients a run decides for at the same time. Default 16.</summary>
    public int RunConcurrency { get; set; } = 16;

    /// <summary>Largest cohort one run messages; a larger one is cut (and the run report says so). Default 200,000.</summary>
    public int MaxCohortSize { get; set; } = 200_000;

    /// <summary>Grains a new campaign's enrolled patients are spread over (kept per campaign once created). Default 16.</summary>
    public int MembershipShards { get; set; } = 16;

    /// <summary>The queue of the open-findings projection (all recommendations). Default <c>campaign-findings</c>.</summary>
    public string FindingsQueue { get; set; } = "campaign-findings";

    /// <summary>The queue of campaign messages waiting for delivery. Default <c>campaign-messages</c>.</summary>
    public string DeliveryQueue { get; set; } = "campaign-messages";

    /// <summary>Campaign messages delivered at the same time. Default 4.</summary>
    public int DeliveryConcurrency { get; set; } = 4;

    /// <summary>DuckDB threads of a cohort query. Default 2.</summary>
    public int QueryThreads { get; set; } = 2;

    /// <summary>DuckDB memory limit of a cohort query. Default 1GB.</summary>
    public string QueryMemoryLimit { get; set; } = "1GB";
}
