using System.Globalization;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>
/// Checks <see cref="SqliteGrainStorageOptions"/> when the silo starts (Orleans runs every registered
/// <see cref="IConfigurationValidator"/> before it starts). Every problem is reported at once, each in a sentence
/// that names the setting.
/// </summary>
public sealed class SqliteGrainStorageOptionsValidator : IConfigurationValidator
{
    private readonly SqliteGrainStorageOptions _options;
    private readonly string _name;

    /// <summary>Creates a validator for the options of the provider called <paramref name="name"/>.</summary>
    public SqliteGrainStorageOptionsValidator(SqliteGrainStorageOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(name);
        _options = options;
        _name = name;
    }

    /// <inheritdoc/>
    /// <exception cref="OrleansConfigurationException">One or more settings are invalid; the message lists them all.</exception>
    public void ValidateConfiguration()
    {
        var problems = Validate(_options, _name);
        if (problems.Count > 0)
        {
            throw new OrleansConfigurationException(
                $"SQLite grain storage '{_name}' is misconfigured: {string.Join(" ", problems)}");
        }
    }

    /// <summary>Returns one sentence per problem found in <paramref name="options"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(SqliteGrainStorageOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(name);

        var problems = new List<string>();
        string Setting(string setting) => options.SettingsPath is { Length: > 0 } path
            ? $"{path}:{setting}"
            : $"{nameof(SqliteGrainStorageOptions)}.{setting} of grain storage '{name}'";

        var databasePath = options.DatabasePath;
        if (string.IsNullOrWhiteSpace(databasePath))
        {
            problems.Add($"{Setting(nameof(options.DatabasePath))} is required: set it to the path of the SQLite database file.");
        }
        else if (string.Equals(databasePath.Trim(), ":memory:", StringComparison.Ordinal))
        {
            problems.Add($"{Setting(nameof(options.DatabasePath))} must name a file: an in-memory database loses every grain state when the silo stops.");
        }
        else if (!IsValidPath(databasePath))
        {
            problems.Add($"{Setting(nameof(options.DatabasePath))} is not a valid file path.");
        }
        else if (Directory.Exists(databasePath))
        {
            problems.Add($"{Setting(nameof(options.DatabasePath))} names the directory '{databasePath}'; it must name a file.");
        }

        if (options.MaxBatchSize < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Setting(nameof(options.MaxBatchSize))} must be at least 1 (it is {options.MaxBatchSize})."));
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Setting(nameof(options.BusyTimeout))} must be between zero and {int.MaxValue} milliseconds (it is {options.BusyTimeout})."));
        }

        if (options.GrainStorageSerializer is null)
        {
            problems.Add($"{Setting(nameof(options.GrainStorageSerializer))} was not resolved: register the provider with AddSqliteGrainStorage or set a serializer.");
        }

        return problems;
    }

    private static bool IsValidPath(string path)
    {
        if (path.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return false;
        }

        try
        {
            _ = Path.GetFullPath(path);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }
}
