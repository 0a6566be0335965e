using System.Globalization;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>
/// Checks <see cref="SqliteReminderTableOptions"/> at start-up (registered with <c>ValidateOnStart</c>); the table checks
/// again when it starts. Every problem is reported at once, each in a sentence that names the setting.
/// </summary>
public sealed class SqliteReminderTableOptionsValidator : IValidateOptions<SqliteReminderTableOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SqliteReminderTableOptions options)
    {
        var problems = Validate(options);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"The SQLite reminder table is misconfigured: {string.Join(" ", problems)}");
    }

    /// <summary>Returns one sentence per problem found in <paramref name="options"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(SqliteReminderTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var problems = new List<string>();
        string Setting(string setting) => options.SettingsPath is { Length: > 0 } path
            ? $"{path}:{setting}"
            : $"{nameof(SqliteReminderTableOptions)}.{setting}";

        var databasePath = options.DatabasePath;
        if (string.IsNullOrWhiteSpace(databasePath))
        {
            problems.Add($"{Setting(nameof(options.DatabasePath))} is required: set it to the path of the reminders' SQLite database file.");
        }
        else if (string.Equals(databasePath.Trim(), ":memory:", StringComparison.Ordinal))
        {
            problems.Add($"{Setting(nameof(options.DatabasePath))} must name a file: an in-memory database loses every reminder when the silo stops.");
        }
        else if (!IsValidPath(databasePath))
        {
            problems.Add($"{Setting(nameof(options.DatabasePath))} is not a valid file path.");
        }
        else if (Directory.Exists(databasePath))
        {
            problems.Add($"{Setting(nameof(options.DatabasePath))} names the directory '{databasePath}'; it must name a file.");
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Setting(nameof(options.BusyTimeout))} must be between zero and {int.MaxValue} milliseconds (it is {options.BusyTimeout})."));
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
