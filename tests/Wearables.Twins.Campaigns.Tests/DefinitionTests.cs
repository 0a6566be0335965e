using System.Text.Json;
using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Campaigns.Tests;

public sealed class DefinitionTests
{
    private const string IssueExample = """
        {
          "id": "bp-coaching",
          "name": "Blood pressure coaching",
          "rule": { "type": "all", "rules": [
            { "type": "vital_days", "vital": "blood_pressure", "measure": "systolic",
              "aggregate": "max", "operator": ">=", "threshold": 140, "minDays": 3, "lastDays": 7 },
            { "minSeverity": "medium", "type": "open_finding", "kind": "hypertension" } ] },
          "message": {
            "en": { "subject": "{campaign}", "text": "Your readings were high. Stop these messages: {opt_out_url}" },
            "pt-BR": { "subject": "{campaign}", "text": "Suas medições ficaram altas." } },
          "channel": "email",
          "schedule": { "dailyAtUtc": "09:00" },
          "minDaysBetweenMessages": 7
        }
        """;

    [Fact]
    public void The_issue_example_reads_as_a_typed_rule_and_is_valid()
    {
        var definition = JsonSerializer.Deserialize(IssueExample, CampaignJsonContext.Default.CampaignDefinition)!;

        Assert.Empty(CampaignValidation.Validate(definition));
        var all = Assert.IsType<AllOfRule>(definition.Rule);
        var vital = Assert.IsType<VitalDaysRule>(all.Rules[0]);
        Assert.Equal(("blood_pressure", VitalMeasure.Systolic, VitalAggregate.Max, ComparisonOperator.AtLeast, 140.0, 3, 7),
            (vital.Vital, vital.EffectiveMeasure, vital.Aggregate, vital.Operator, vital.Threshold, vital.MinDays, vital.LastDays));
        var finding = Assert.IsType<OpenFindingRule>(all.Rules[1]);
        Assert.Equal((RecommendationKinds.Hypertension, RecommendationSeverity.Medium), (finding.Kind, finding.MinSeverity));
        Assert.Equal(CampaignChannel.Email, definition.Channel);
        Assert.Equal("Suas medições ficaram altas.", definition.Message.For("pt-PT").Text);

        var again = JsonSerializer.Deserialize(JsonSerializer.Serialize(definition, CampaignJsonContext.Default.CampaignDefinition),
            CampaignJsonContext.Default.CampaignDefinition)!;
        Assert.Equal(vital, Assert.IsType<AllOfRule>(again.Rule).Rules[0]);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_field_and_reason()
    {
        var definition = new CampaignDefinition(
            "Bad Id!", " ",
            new AnyOfRule([
                new VitalDaysRule("systolic_pressure", VitalAggregate.Max, ComparisonOperator.AtLeast, 140, 3, 7),
                new VitalDaysRule("blood_pressure", VitalAggregate.Max, ComparisonOperator.AtLeast, 400, 3, 7, VitalMeasure.Systolic),
                new VitalDaysRule("blood_pressure", VitalAggregate.Mean, ComparisonOperator.AtLeast, 140, 3, 7),
                new VitalDaysRule("heart_rate", VitalAggregate.Sum, ComparisonOperator.Above, 100, 8, 7),
                new VitalDaysRule("sleep_stage", VitalAggregate.Max, ComparisonOperator.Above, 1, 1, 7),
                new OpenFindingRule("High Blood Pressure"),
                new AllOfRule([]),
            ]),
            new CampaignMessageTemplates(new CampaignText("Hello {name}", " "), new CampaignText("", "Olá {nome}")),
            CampaignChannel.Email,
            new CampaignSchedule(DailyAtUtc: "25:00"),
            -1);

        var problems = CampaignValidation.Validate(definition).Select(p => (p.Field, p.Reason)).ToHashSet();

        Assert.Equal(new HashSet<(string, string)>
        {
            ("id", "invalid_id"),
            ("name", "invalid_name"),
            ("minDaysBetweenMessages", "invalid_frequency_cap"),
            ("schedule.dailyAtUtc", "invalid_schedule"),
            ("message.en.text", "empty_message"),
            ("message.en.subject", "unknown_placeholder"),
            ("message.pt-BR.text", "unknown_placeholder"),
            ("message.pt-BR.subject", "empty_subject"),
            ("rule.rules[0].vital", "unknown_vital"),
            ("rule.rules[1].threshold", "threshold_out_of_range"),
            ("rule.rules[2].measure", "missing_measure"),
            ("rule.rules[3].minDays", "invalid_days"),
            ("rule.rules[3].aggregate", "invalid_aggregate"),
            ("rule.rules[4].vital", "unsupported_vital"),
            ("rule.rules[5].kind", "invalid_kind"),
            ("rule.rules[6].rules", "empty_rule"),
        }, problems);
    }

    [Fact]
    public void Sms_campaigns_need_no_subject_but_a_short_text_and_schedules_need_exactly_one_form()
    {
        var sms = Samples.Campaign("sms-ok", channel: CampaignChannel.Sms) with
        {
            Message = new CampaignMessageTemplates(new CampaignText("", "Check your pressure."), new CampaignText("", new string('a', 481))),
            Schedule = new CampaignSchedule(EveryHours: 6, DailyAtUtc: "09:00"),
        };

        var problems = CampaignValidation.Validate(sms).Select(p => (p.Field, p.Reason)).ToHashSet();

        Assert.Equal(new HashSet<(string, string)> { ("message.pt-BR.text", "message_too_long"), ("schedule", "invalid_schedule") }, problems);
        Assert.Contains(CampaignValidation.Validate(sms with { Schedule = new CampaignSchedule() }), p => p.Reason == "invalid_schedule");
        Assert.Contains(CampaignValidation.Validate(sms with { Schedule = new CampaignSchedule(EveryHours: 0) }), p => p.Field == "schedule.everyHours");
    }

    [Theory]
    [InlineData("""{"id":"x","name":"n","rule":{"type":"vital_days","vital":"heart_rate","aggregate":"max","operator":">=","treshold":100,"minDays":1,"lastDays":7},"message":{"en":{"subject":"s","text":"t"},"pt-BR":{"subject":"s","text":"t"}},"channel":"email","schedule":{"everyHours":6},"minDaysBetweenMessages":1}""")]
    [InlineData("""{"id":"x","name":"n","rule":{"vital":"heart_rate"},"message":{"en":{"subject":"s","text":"t"},"pt-BR":{"subject":"s","text":"t"}},"channel":"email","schedule":{"everyHours":6},"minDaysBetweenMessages":1}""")]
    [InlineData("""{"id":"x","name":"n","rule":{"type":"not","rules":[]},"message":{"en":{"subject":"s","text":"t"},"pt-BR":{"subject":"s","text":"t"}},"channel":"email","schedule":{"everyHours":6},"minDaysBetweenMessages":1}""")]
    [InlineData("""{"id":"x","name":"n","rule":{"type":"open_finding","kind":"fever"},"message":{"en":{"subject":"s","text":"t"}},"channel":"email","schedule":{"everyHours":6},"minDaysBetweenMessages":1}""")]
    [InlineData("""{"id":"x","name":"n","rule":{"type":"open_finding","kind":"fever"},"message":{"en":{"subject":"s","text":"t"},"pt-BR":{"subject":"s","text":"t"}},"channel":"fax","schedule":{"everyHours":6},"minDaysBetweenMessages":1}""")]
    public void Strict_json_refuses_typos_missing_fields_and_unknown_rule_types(string json)
    {
        var error = Record.Exception(() => JsonSerializer.Deserialize(json, CampaignJsonContext.Default.CampaignDefinition));

        Assert.True(error is JsonException or NotSupportedException, $"Expected a JSON error, got {error?.GetType().Name ?? "none"}.");
    }

    [Fact]
    public void Daily_and_hourly_schedules_have_fixed_utc_slots()
    {
        var daily = new CampaignSchedule(DailyAtUtc: "09:30");
        var morning = new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 30, 0, TimeSpan.Zero), daily.LatestSlot(morning));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero), daily.NextSlot(morning));
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 9, 30, 0, TimeSpan.Zero), daily.NextSlot(morning.AddHours(1.5)));

        var sixHourly = new CampaignSchedule(EveryHours: 6);
        var local = new DateTimeOffset(2026, 3, 10, 10, 15, 0, TimeSpan.FromHours(-3));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), sixHourly.LatestSlot(local));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 18, 0, 0, TimeSpan.Zero), sixHourly.NextSlot(local));
    }

    [Fact]
    public void Placeholders_render_and_unknown_ones_are_named()
    {
        Assert.Equal("Pressure check: stop at https://x/y", CampaignPlaceholders.Render("{campaign}: stop at {opt_out_url}", "Pressure check", "https://x/y"));
        string[] unknown = ["name", "date"];
        Assert.Equal(unknown, CampaignPlaceholders.Unknown("Hi {name}, on {date} {campaign} {name}"));
    }
}
