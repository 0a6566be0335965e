using Wearables.Twins.Persistence.Conformance;

namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>The shared reminder table conformance suite against <see cref="DynamoDbReminderTable"/> on dynalite.</summary>
public sealed class DynamoDbReminderTableConformanceTests : ReminderTableConformance
{
    // One table for the class; every test works in a service id (set of partitions) of its own.
    private static readonly string TableName = DynamoDbTestServices.UniqueTableName("reminder-conformance");

    protected override async Task<IReminderTable> CreateTableAsync(string serviceId) =>
        await DynamoDbTestServices.CreateReminderTableAsync(TableName, serviceId);
}
