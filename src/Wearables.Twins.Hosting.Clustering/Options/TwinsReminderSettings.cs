namespace Wearables.Twins.Hosting.Clustering;

/// <summary>The configuration keys <c>UseTwinsReminders</c> reads, and the reminder tables it knows.</summary>
public static class TwinsReminderSettings
{
    /// <summary>The storage profile (<c>sqlite</c>, the default, or <c>dynamodb</c>); reminders follow grain state.</summary>
    public const string Provider = "Twins:Storage:Provider";

    /// <summary>
    /// The grain storage's DynamoDB section. The reminder table reuses its connection settings (<c>ServiceUrl</c>,
    /// <c>Region</c>, <c>AccessKey</c>, <c>SecretKey</c>, <c>CreateIfNotExists</c>) but not its table name.
    /// </summary>
    public const string StorageDynamoDb = "Twins:Storage:DynamoDb";

    /// <summary>
    /// <see cref="Persistence.DynamoDb.DynamoDbReminderTableOptions"/> overrides, bound after the storage connection
    /// settings (e.g. <c>Twins:Reminders:DynamoDb:TableName</c>, default <c>TwinsReminders</c>).
    /// </summary>
    public const string DynamoDb = "Twins:Reminders:DynamoDb";

    /// <summary>File name of the SQLite reminder table in the data directory (beside the grain storage's <c>twins.db</c>).</summary>
    public const string SqliteFileName = "reminders.db";

    public const string SqliteChoice = "sqlite";
    public const string DynamoDbChoice = "dynamodb";
}
