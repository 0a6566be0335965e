using System.Globalization;
using System.Text.RegularExpressions;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>
/// Checks a campaign definition before it is stored and lists every problem at once, each with a field path and
/// a stable reason code (ready for a 400 problem+json). A definition that passes can be run without surprises:
/// its vitals exist and have numbers, its thresholds are plausible, its texts are complete and its schedule parses.
/// </summary>
public static partial class CampaignValidation
{
    public const int MaxRuleDepth = 4;
    public const int MaxConditions = 16;
    public const int MaxLastDays = 90;
    public const int MaxMinDaysBetweenMessages = 365;
    public const int MaxNameLength = 200;
    public const int MaxSubjectLength = 200;
    public const int MaxEmailTextLength = 20_000;

    /// <summary>Three SMS segments: longer texts are costly and get cut by some carriers.</summary>
    public const int MaxSmsTextLength = 480;

    public static IReadOnlyList<CampaignProblem> Validate(CampaignDefinition? definition)
    {
        var problems = new List<CampaignProblem>();
        if (definition is null)
        {
            problems.Add(new("$", "missing_definition", "The body must be a campaign definition."));
            return problems;
        }

        if (!IsValidId(definition.Id))
        {
            problems.Add(new("id", "invalid_id", "id must be 1–64 lower-case letters, digits, '-' or '_', starting with a letter or digit."));
        }

        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > MaxNameLength)
        {
            problems.Add(new("name", "invalid_name", $"name is required, at most {MaxNameLength} characters."));
        }

        if (!Enum.IsDefined(definition.Channel))
        {
            problems.Add(new("channel", "invalid_channel", "channel must be email or sms."));
        }

        if (definition.MinDaysBetweenMessages is < 0 or > MaxMinDaysBetweenMessages)
        {
            problems.Add(new("minDaysBetweenMessages", "invalid_frequency_cap",
                $"minDaysBetweenMessages must be 0–{MaxMinDaysBetweenMessages} (0: no per-campaign cap; the global cap still applies)."));
        }

        ValidateSchedule(definition.Schedule, problems);
        ValidateMessage(definition.Message, definition.Channel, problems);
        if (definition.Rule is null)
        {
            problems.Add(new("rule", "missing_rule", "rule is required: a condition or an all/any of conditions."));
        }
        else
        {
            var conditions = 0;
            ValidateRule(definition.Rule, "rule", 1, ref conditions, problems);
            if (conditions > MaxConditions)
            {
                problems.Add(new("rule", "rule_too_large", $"A rule may hold at most {MaxConditions} conditions; this one has {conditions}."));
            }
        }

        return problems;
    }

    private static void ValidateSchedule(CampaignSchedule? schedule, List<CampaignProblem> problems)
    {
        if (schedule is null)
        {
            problems.Add(new("schedule", "missing_schedule", "schedule is required: {\"everyHours\": N} or {\"dailyAtUtc\": \"HH:mm\"}."));
            return;
        }

        if (schedule.EveryHours.HasValue == schedule.DailyAtUtc is not null)
        {
            problems.Add(new("schedule", "invalid_schedule", "schedule needs exactly one of everyHours and dailyAtUtc."));
            return;
        }

        if (schedule.EveryHours is { } hours && hours is < 1 or > CampaignSchedule.MaxEveryHours)
        {
            problems.Add(new("schedule.everyHours", "invalid_schedule", $"everyHours must be 1–{CampaignSchedule.MaxEveryHours}."));
        }

        if (schedule.DailyAtUtc is not null && !schedule.TryGetDailyTime(out _))
        {
            problems.Add(new("schedule.dailyAtUtc", "invalid_schedule", $"dailyAtUtc '{schedule.DailyAtUtc}' must be a UTC time as HH:mm, e.g. 09:30."));
        }
    }

    private static void ValidateMessage(CampaignMessageTemplates? message, CampaignChannel channel, List<CampaignProblem> problems)
    {
        if (message is null)
        {
            problems.Add(new("message", "missing_message", "message is required, with en and pt-BR texts."));
            return;
        }

        ValidateText(message.En, "message.en", channel, problems);
        ValidateText(message.PtBr, "message.pt-BR", channel, problems);
    }

    private static void ValidateText(CampaignText? text, string field, CampaignChannel channel, List<CampaignProblem> problems)
    {
        if (text is null)
        {
            problems.Add(new(field, "missing_message", $"{field} is required."));
            return;
        }

        if (string.IsNullOrWhiteSpace(text.Text))
        {
            problems.Add(new(field + ".text", "empty_message", $"{field}.text must not be empty."));
        }
        else
        {
            var max = channel == CampaignChannel.Sms ? MaxSmsTextLength : MaxEmailTextLength;
            if (text.Text.Length > max)
            {
                problems.Add(new(field + ".text", "message_too_long",
                    string.Create(CultureInfo.InvariantCulture, $"{field}.text has {text.Text.Length} characters; {channel.ToString().ToLowerInvariant()} allows {max}.")));
            }

            foreach (var name in CampaignPlaceholders.Unknown(text.Text))
            {
                problems.Add(new(field + ".text", "unknown_placeholder", UnknownPlaceholder(name)));
            }
        }

        if (channel == CampaignChannel.Email)
        {
            if (string.IsNullOrWhiteSpace(text.Subject))
            {
                problems.Add(new(field + ".subject", "empty_subject", $"{field}.subject must not be empty for email campaigns."));
            }
            else if (text.Subject.Length > MaxSubjectLength || text.Subject.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                problems.Add(new(field + ".subject", "invalid_subject", $"{field}.subject must be one line of at most {MaxSubjectLength} characters."));
            }
            else
            {
                foreach (var name in CampaignPlaceholders.Unknown(text.Subject))
                {
                    problems.Add(new(field + ".subject", "unknown_placeholder", UnknownPlaceholder(name)));
                }
            }
        }
    }

    private static void ValidateRule(CohortRule rule, string field, int depth, ref int conditions, List<CampaignProblem> problems)
    {
        if (depth > MaxRuleDepth)
        {
            problems.Add(new(field, "rule_too_deep", $"Rules nest at most {MaxRuleDepth} levels deep."));
            return;
        }

        switch (rule)
        {
            case AllOfRule all:
                ValidateChildren(all.Rules, field, depth, ref conditions, problems);
                break;
            case AnyOfRule any:
                ValidateChildren(any.Rules, field, depth, ref conditions, problems);
                break;
            case VitalDaysRule vital:
                conditions++;
                ValidateVitalDays(vital, field, problems);
                break;
            case OpenFindingRule finding:
                conditions++;
                ValidateOpenFinding(finding, field, problems);
                break;
            default:
                problems.Add(new(field, "unknown_rule", "type must be all, any, vital_days or open_finding."));
                break;
        }
    }

    private static void ValidateChildren(
        System.Collections.Immutable.ImmutableArray<CohortRule> rules, string field, int depth, ref int conditions, List<CampaignProblem> problems)
    {
        if (rules.IsDefaultOrEmpty)
        {
            problems.Add(new(field + ".rules", "empty_rule", "all and any need at least one rule in rules."));
            return;
        }

        for (var i = 0; i < rules.Length; i++)
        {
            var child = string.Create(CultureInfo.InvariantCulture, $"{field}.rules[{i}]");
            if (rules[i] is null)
            {
                problems.Add(new(child, "missing_rule", "A rule in the list is null."));
                continue;
            }

            ValidateRule(rules[i], child, depth + 1, ref conditions, problems);
        }
    }

    private static void ValidateVitalDays(VitalDaysRule rule, string field, List<CampaignProblem> problems)
    {
        if (rule.LastDays is < 1 or > MaxLastDays)
        {
            problems.Add(new(field + ".lastDays", "invalid_window", $"lastDays must be 1–{MaxLastDays}."));
        }
        else if (rule.MinDays < 1 || rule.MinDays > rule.LastDays)
        {
            problems.Add(new(field + ".minDays", "invalid_days", $"minDays must be 1–{rule.LastDays} (at most lastDays)."));
        }

        if (!Enum.IsDefined(rule.Aggregate))
        {
            problems.Add(new(field + ".aggregate", "invalid_aggregate", "aggregate must be max, min, mean or sum."));
        }

        if (!Enum.IsDefined(rule.Operator))
        {
            problems.Add(new(field + ".operator", "invalid_operator", "operator must be >=, >, <= or <."));
        }

        if (rule.Vital is null || !VitalCatalog.TryGet(rule.Vital, out var vital))
        {
            problems.Add(new(field + ".vital", "unknown_vital",
                $"vital '{rule.Vital}' is not in the catalogue; rules can use: {string.Join(", ", NumericVitals())}."));
            return;
        }

        if (!IsNumeric(vital))
        {
            problems.Add(new(field + ".vital", "unsupported_vital",
                $"vital '{vital.Code}' has no numeric readings to compare; rules can use: {string.Join(", ", NumericVitals())}."));
            return;
        }

        var bloodPressure = vital.Shape == VitalShape.BloodPressure;
        if (bloodPressure && rule.EffectiveMeasure == VitalMeasure.Value)
        {
            problems.Add(new(field + ".measure", "missing_measure", "blood_pressure rules must say measure: systolic or diastolic."));
        }
        else if (!bloodPressure && rule.EffectiveMeasure != VitalMeasure.Value)
        {
            problems.Add(new(field + ".measure", "invalid_measure", $"measure {rule.EffectiveMeasure.ToString().ToLowerInvariant()} is only for blood_pressure; leave it out for {vital.Code}."));
        }

        if (rule.Aggregate == VitalAggregate.Sum && vital.Summary != VitalSummary.SumPerDay)
        {
            problems.Add(new(field + ".aggregate", "invalid_aggregate", $"sum is only for accumulated vitals (steps, distance, active_energy), not {vital.Code}."));
        }

        if (!double.IsFinite(rule.Threshold) || !vital.IsPlausible(rule.Threshold))
        {
            problems.Add(new(field + ".threshold", "threshold_out_of_range", string.Create(CultureInfo.InvariantCulture,
                $"threshold {rule.Threshold} is outside the plausible range of {vital.Code}: {vital.Min}–{vital.Max} {vital.CanonicalUnit}.")));
        }
    }

    private static void ValidateOpenFinding(OpenFindingRule rule, string field, List<CampaignProblem> problems)
    {
        if (rule.Kind is null || !FindingKind().IsMatch(rule.Kind))
        {
            problems.Add(new(field + ".kind", "invalid_kind",
                $"kind must be a snake_case finding code, e.g. {RecommendationKinds.Hypertension} or {RecommendationKinds.IrregularRhythm}."));
        }

        if (!Enum.IsDefined(rule.MinSeverity))
        {
            problems.Add(new(field + ".minSeverity", "invalid_severity", "minSeverity must be info, low, medium or high."));
        }
    }

    /// <summary>Whether <paramref name="campaignId"/> is a well-formed campaign id.</summary>
    public static bool IsValidId(string? campaignId) => campaignId is not null && CampaignId().IsMatch(campaignId);

    /// <summary>Whether a vital's samples carry a number a day can be aggregated over.</summary>
    public static bool IsNumeric(VitalDefinition vital)
    {
        ArgumentNullException.ThrowIfNull(vital);
        return vital.Shape is VitalShape.Scalar or VitalShape.Quantity or VitalShape.BloodPressure;
    }

    private static IEnumerable<string> NumericVitals() => VitalCatalog.All.Where(IsNumeric).Select(v => v.Code);

    private static string UnknownPlaceholder(string name)
        => $"{{{name}}} is not a placeholder; use {string.Join(" or ", CampaignPlaceholders.Known.Select(k => "{" + k + "}"))}.";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex CampaignId();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex FindingKind();
}
