namespace Wearables.Twins.Persistence.Conformance;

[Alias("Wearables.Twins.Persistence.Conformance.IEscalationGrain")]
public interface IEscalationGrain : IGrainWithStringKey
{
    /// <summary>Registers (or updates) the "escalate" reminder, first due after one period.</summary>
    [Alias("Arm")]
    Task ArmAsync(TimeSpan period);

    /// <summary>Unregisters the "escalate" reminder; false when there was none.</summary>
    [Alias("Disarm")]
    Task<bool> DisarmAsync();
}

/// <summary>
/// A care-team-alert-like grain for the reminder tables' silo tests: an Orleans reminder that reports every tick to
/// <see cref="ReminderProbe"/>.
/// </summary>
public sealed class EscalationGrain(ILocalSiloDetails silo) : Grain, IEscalationGrain, IRemindable
{
    public const string ReminderName = "escalate";

    public Task ArmAsync(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task<bool> DisarmAsync()
    {
        if (await this.GetReminder(ReminderName) is not { } reminder)
        {
            return false;
        }

        await this.UnregisterReminder(reminder);
        return true;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderProbe.Record(this.GetPrimaryKeyString(), new ReminderTick(reminderName, silo.SiloAddress));
        return Task.CompletedTask;
    }
}
