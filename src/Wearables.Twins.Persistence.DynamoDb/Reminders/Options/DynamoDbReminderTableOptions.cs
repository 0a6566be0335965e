namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Options of the DynamoDB reminder table. One table can hold several services: items are partitioned by service id
/// (and hash bucket), so reminders outlive cluster ids as Orleans expects.
/// </summary>
public sealed class DynamoDbReminderTableOptions : DynamoDbConnectionOptions
{
    /// <summary>Creates options with the default table name <c>TwinsReminders</c>.</summary>
    public DynamoDbReminderTableOptions() => TableName = "TwinsReminders";
}
