using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace Wearables.Twins.Persistence.Sqlite.Tests;

public sealed class SqliteGrainStorageOptionsTests
{
    private static ServiceProvider BuildFromConfiguration(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSerializer();
        services.AddLogging();
        services.AddSqliteGrainStorage("twins", configuration.GetSection("Twins:Storage"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_validator_names_every_bad_setting_by_its_configuration_path_at_once()
    {
        using var services = BuildFromConfiguration(new()
        {
            ["Twins:Storage:MaxBatchSize"] = "0",
            ["Twins:Storage:BusyTimeout"] = "-00:00:01",
        });

        var validators = services.GetServices<IConfigurationValidator>().OfType<SqliteGrainStorageOptionsValidator>().ToList();
        var validator = Assert.Single(validators);
        var error = Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);

        Assert.Contains("Twins:Storage:DatabasePath is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twins:Storage:MaxBatchSize must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twins:Storage:BusyTimeout must be between zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bound_options_are_valid_and_default_to_the_Orleans_binary_serializer()
    {
        using var services = BuildFromConfiguration(new()
        {
            ["Twins:Storage:DatabasePath"] = Path.Combine(Path.GetTempPath(), "unused", "grains.db"),
            ["Twins:Storage:MaxBatchSize"] = "32",
        });

        var options = services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get("twins");
        Assert.Equal(32, options.MaxBatchSize);
        Assert.IsType<OrleansGrainStorageSerializer>(options.GrainStorageSerializer);
        Assert.Empty(SqliteGrainStorageOptionsValidator.Validate(options, "twins"));
        Assert.IsType<SqliteGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("twins"));
    }

    [Fact]
    public void A_serializer_registered_under_the_provider_name_is_used()
    {
        var services = new ServiceCollection();
        services.AddSerializer();
        services.AddKeyedSingleton<IGrainStorageSerializer, MarkerSerializer>("twins");
        services.AddSqliteGrainStorage("twins", ob => ob.Configure(o => o.DatabasePath = "grains.db"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get("twins");

        Assert.IsType<MarkerSerializer>(options.GrainStorageSerializer);
    }

    [Fact]
    public void Registering_as_default_also_registers_the_unkeyed_grain_storage()
    {
        var services = new ServiceCollection();
        services.AddSerializer();
        services.AddLogging();
        services.AddSqliteGrainStorageAsDefault(ob => ob.Configure(o => o.DatabasePath = "grains.db"));
        using var provider = services.BuildServiceProvider();

        var storage = Assert.IsType<SqliteGrainStorage>(provider.GetRequiredService<IGrainStorage>());
        Assert.Equal("Default", storage.Name);
        Assert.Contains(provider.GetServices<ILifecycleParticipant<ISiloLifecycle>>(), p => ReferenceEquals(p, storage));
    }

    private sealed class MarkerSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => throw new NotSupportedException();

        public T Deserialize<T>(BinaryData input) => throw new NotSupportedException();
    }
}
