using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Campaigns.Tests;

/// <summary>Readings, definitions and unique ids for tests (grains are shared by the collection, so ids never repeat).</summary>
public static class Samples
{
    /// <summary>Brasília time: local days differ from UTC days late in the evening.</summary>
    public static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    public static readonly CampaignMessageTemplates Texts = new(
        new CampaignText("{campaign}: time for a check", "Your blood pressure was high on several days. Please book a check with your care team."),
        new CampaignText("{campaign}: hora de uma consulta", "Sua pressão ficou alta em vários dias. Agende uma consulta com sua equipe de saúde."));

    public static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)];

    public static VitalSample BloodPressure(DateTimeOffset at, double systolic, double diastolic = 80)
        => new(VitalCatalog.BloodPressure.Type, at, null, systolic, diastolic, []);

    public static VitalSample HeartRate(DateTimeOffset at, double bpm) => VitalSample.Scalar(VitalCatalog.HeartRate.Type, at, bpm);

    /// <summary>Systolic 150 at 09:00 Brasília on each of the <paramref name="days"/> days ending at <paramref name="lastDay"/>.</summary>
    public static VitalSample[] HighSystolicDays(DateOnly lastDay, int days)
        => [.. Enumerable.Range(0, days).Select(i => BloodPressure(At(lastDay.AddDays(-i), 9), 150, 85))];

    /// <summary>A local time in Brasília.</summary>
    public static DateTimeOffset At(DateOnly day, double hour) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Brasilia).AddHours(hour);

    /// <summary>The example: systolic ≥ 140 on 3 of the last 7 days.</summary>
    public static VitalDaysRule HighSystolicRule { get; } =
        new("blood_pressure", VitalAggregate.Max, ComparisonOperator.AtLeast, 140, 3, 7, VitalMeasure.Systolic);

    public static CampaignDefinition Campaign(
        string id, CohortRule? rule = null, int minDaysBetweenMessages = 0, CampaignChannel channel = CampaignChannel.Email,
        CampaignSchedule? schedule = null)
        => new(id, "Pressure check", rule ?? HighSystolicRule, Texts, channel, schedule ?? new CampaignSchedule(DailyAtUtc: "09:00"),
            minDaysBetweenMessages);
}
