using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wearables.Twins.Cli.Api;
using Wearables.Twins.Cli.Output;
using Wearables.Twins.History.Hosting;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Sql;

namespace Wearables.Twins.Cli.Commands.Sql;

/// <summary>
/// <c>twins sql "SELECT …" [--json|--csv]</c>: read-only SQL straight over the history lake (no service needed),
/// with the same views, limits and sandbox as <c>POST /api/v1/analytics/sql</c>. The lake is found with the host's
/// configuration keys, given as extra arguments (<c>--Twins:DataDirectory=/srv/twins</c>,
/// <c>--Twins:History:Target=S3 --Twins:History:S3:Bucket=…</c>) or environment variables (<c>Twins__DataDirectory</c>).
/// </summary>
internal sealed class SqlCommand : TwinsCommand
{
    /// <summary>Same key and default as the host's <c>DataDirectorySetup</c>.</summary>
    private const string DataDirectoryKey = "Twins:DataDirectory";

    private readonly Argument<string> _query = new("query") { Description = "One SELECT (or WITH … SELECT) statement, e.g. \"SELECT * FROM daily_resting_heart_rate\"." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the result as JSON: columns with types, rows, truncated flag." };
    private readonly Option<bool> _csv = new("--csv") { Description = "Print the result as CSV with a header row." };

    public SqlCommand(CliRuntime runtime)
        : base("sql", $"Query the history lake with DuckDB SQL (views: {string.Join(", ", LakeViews.Names)}).", runtime)
    {
        Arguments.Add(_query);
        Options.Add(_json);
        Options.Add(_csv);

        // Configuration keys such as --Twins:DataDirectory=… are not options of this command; they reach ExecuteAsync.
        TreatUnmatchedTokensAsErrors = false;
        Validators.Add(result =>
        {
            if (result.GetValue(_json) && result.GetValue(_csv))
            {
                result.AddError("Choose one of --json and --csv.");
            }
        });
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine([.. parse.UnmatchedTokens])
            .Build();
        var configured = configuration[DataDirectoryKey];
        var dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);

        await using var services = new ServiceCollection().AddLogging().AddTwinsHistoryCore(configuration, dataDirectory).BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<HistoryOptions>>();
        HistoryOptions settings;
        try
        {
            settings = options.Value;
        }
        catch (OptionsValidationException invalid)
        {
            throw new CliFailure(string.Join(" ", invalid.Failures));
        }

        if (settings.Target == LakeTarget.Local && !Directory.Exists(settings.Directory))
        {
            throw new CliFailure($"there is no history lake at {settings.Directory}; point to the service's data folder with --{DataDirectoryKey}=<folder>.");
        }

        SqlResult result;
        try
        {
            result = await services.GetRequiredService<SqlAnalytics>().QueryAsync(parse.GetRequiredValue(_query), cancellationToken);
        }
        catch (SqlQueryException failure)
        {
            throw new CliFailure(failure.Message);
        }

        if (parse.GetValue(_json))
        {
            using var json = new MemoryStream();
            await SqlResultWriter.WriteJsonAsync(result, json, cancellationToken);
            context.Output.Json(Encoding.UTF8.GetString(json.ToArray()));
            return ExitCodes.Success;
        }

        if (parse.GetValue(_csv))
        {
            var csv = new StringBuilder();
            await using (var writer = new StringWriter(csv, CultureInfo.InvariantCulture))
            {
                await SqlResultWriter.WriteCsvAsync(result, writer, cancellationToken);
            }

            context.Output.Json(csv.ToString());
            return ExitCodes.Success;
        }

        var table = Tables.Create([.. result.Columns.Select(c => c.Name)]);
        foreach (var row in result.Rows)
        {
            table.AddTextRow([.. row.Select(SqlResultWriter.Text)]);
        }

        context.Output.Write(table);
        var elapsed = result.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        context.Output.Line(result.Truncated
            ? $"first {Formats.Count(result.Rows.Count, "row")} shown (limit {HistoryOptions.Section}:Sql:MaxRows), {elapsed} ms"
            : $"{Formats.Count(result.Rows.Count, "row")}, {elapsed} ms");
        return ExitCodes.Success;
    }
}
