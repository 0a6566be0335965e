namespace Wearables.Twins.Testing;

/// <summary>
/// The real servers tests run against, started at most once per test process. When `.ci/run` has already
/// started one for the whole run it exports its address in an environment variable, and every test project
/// shares that server; a developer running `dotnet test` alone gets one started on demand.
/// </summary>
public static class LocalServers
{
    /// <summary>dynalite (DynamoDB), e.g. <c>http://127.0.0.1:4567</c>.</summary>
    public const string DynamoDbVariable = "TWINS_TEST_DYNAMODB_URL";

    /// <summary>fauxqs (S3, SQS and SNS on one port), e.g. <c>http://127.0.0.1:4566</c>.</summary>
    public const string FauxqsVariable = "TWINS_TEST_FAUXQS_URL";

    /// <summary>smtp4dev as <c>smtp://127.0.0.1:2525</c> and its REST API in <see cref="SmtpApiVariable"/>.</summary>
    public const string SmtpVariable = "TWINS_TEST_SMTP_URL";

    public const string SmtpApiVariable = "TWINS_TEST_SMTP_API_URL";

    private static readonly Lazy<Task<Uri>> Dynalite = new(() => FromEnvironmentOr(DynamoDbVariable, StartDynaliteAsync));
    private static readonly Lazy<Task<Uri>> Fauxqs = new(() => FromEnvironmentOr(FauxqsVariable, StartFauxqsAsync));
    private static readonly Lazy<Task<SmtpServer>> Smtp = new(StartOrFindSmtpAsync);

    /// <summary>DynamoDB endpoint for <c>AmazonDynamoDBConfig.ServiceURL</c>.</summary>
    public static Task<Uri> DynamoDbAsync() => Dynalite.Value;

    /// <summary>S3 / SQS / SNS endpoint for the clients' <c>ServiceURL</c> (S3 also needs path-style addressing).</summary>
    public static Task<Uri> FauxqsAsync() => Fauxqs.Value;

    /// <summary>An SMTP server whose received mail can be read back over its REST API.</summary>
    public static Task<SmtpServer> SmtpAsync() => Smtp.Value;

    private static Task<Uri> FromEnvironmentOr(string variable, Func<Task<Uri>> start)
        => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } url ? Task.FromResult(new Uri(url)) : start();

    private static async Task<Uri> StartDynaliteAsync()
    {
        var modules = await NodeTools.EnsureInstalledAsync().ConfigureAwait(false);
        var port = FreePort.Next();
        var script = Path.Combine(modules, "dynalite", "cli.js");
        await ServerProcess.StartAsync(
            "dynalite", "node", [script, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--createTableMs", "0", "--deleteTableMs", "0"], port).ConfigureAwait(false);
        return new Uri($"http://127.0.0.1:{port}");
    }

    private static async Task<Uri> StartFauxqsAsync()
    {
        await NodeTools.EnsureInstalledAsync().ConfigureAwait(false);
        var port = FreePort.Next();
        var launcher = Path.Combine(RepositoryRoot.Path, ".ci", "servers", "fauxqs.mjs");
        await ServerProcess.StartAsync(
            "fauxqs", "node", [launcher, port.ToString(System.Globalization.CultureInfo.InvariantCulture)], port).ConfigureAwait(false);
        return new Uri($"http://127.0.0.1:{port}");
    }

    private static Task<SmtpServer> StartOrFindSmtpAsync()
    {
        if (Environment.GetEnvironmentVariable(SmtpVariable) is { Length: > 0 } smtp
            && Environment.GetEnvironmentVariable(SmtpApiVariable) is { Length: > 0 } api)
        {
            return Task.FromResult(new SmtpServer(new Uri(smtp), new Uri(api)));
        }

        return SmtpServer.StartAsync();
    }
}
