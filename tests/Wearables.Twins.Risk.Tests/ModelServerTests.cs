using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wearables.Twins.Aws.Signing;
using Wearables.Twins.ModelServer;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.Hosting;
using Wearables.Twins.Risk.Model;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Tests;

/// <summary>
/// The model path end to end: the SageMaker client signs an InvokeEndpoint request, the model server (in-process
/// Kestrel on a free port) answers with the built-in engine; when the server fails, is slow or is down, the built-in
/// engine answers and the circuit opens.
/// </summary>
public sealed class ModelServerTests : IAsyncLifetime
{
    private static readonly SigV4Credentials Keys = new("AKIDTEST", "test-secret");
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private WebApplication _server = null!;
    private int _invocations;
    private volatile string _mode = "ok";
    private readonly List<string> _signatureProblems = [];

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = ModelServerApp.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.ClearProviders();
        });
        _server.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/endpoints", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            Interlocked.Increment(ref _invocations);
            context.Request.EnableBuffering();
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            if (VerifySignature(context.Request, body.ToArray()) is { } problem)
            {
                lock (_signatureProblems)
                {
                    _signatureProblems.Add(problem);
                }
            }

            context.Request.Body.Position = 0;
            switch (_mode)
            {
                case "fail":
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    return;
                case "slow":
                    await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
                default:
                    await next(context);
                    return;
            }
        });
        await _server.StartAsync();
        Address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    private static ServiceProvider Client(Uri serviceUrl, TimeSpan? timeout = null) => new ServiceCollection()
        .AddLogging()
        .AddSageMakerRiskModel(o => o.Configure(x =>
        {
            x.Region = "eu-west-1";
            x.EndpointName = "risk-test";
            x.ServiceUrl = serviceUrl;
            x.AccessKeyId = Keys.AccessKeyId;
            x.SecretAccessKey = Keys.SecretAccessKey;
            x.Timeout = timeout ?? TimeSpan.FromSeconds(5);
            x.BreakerMinimumThroughput = 2;
            x.BreakerFailureRatio = 0.5;
            x.BreakDuration = TimeSpan.FromSeconds(30);
        }))
        .BuildServiceProvider();

    private static RiskInput FeverInput() => RiskInput.FromSamples(Now,
    [
        VitalSample.Scalar(VitalCatalog.BodyTemperature.Type, Now.AddMinutes(-30), 39.4),
        new VitalSample(VitalCatalog.BloodPressure.Type, Now.AddHours(-2), null, 128, 80, []),
    ]);

    [Fact]
    public async Task Ping_answers_200_as_the_container_contract_requires()
    {
        using var http = new HttpClient { BaseAddress = Address };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/ping")).StatusCode);
    }

    [Fact]
    public async Task The_sagemaker_client_goes_through_the_signed_path_and_gets_the_engine_s_answer()
    {
        await using var services = Client(Address);
        var model = services.GetRequiredService<IRiskModel>();

        var evaluation = await model.EvaluateAsync(FeverInput(), CancellationToken.None);

        Assert.False(evaluation.FellBack);
        Assert.Equal("sagemaker:risk-test", evaluation.Model);
        Assert.Equal(RiskLevel.Medium, evaluation.Signals.Single(s => s.Kind == FindingKind.Fever).Level);
        Assert.Equal(new RiskEngine().Evaluate(FeverInput()).Signals.Length, evaluation.Signals.Length);
        Assert.Equal(1, _invocations);
        Assert.Empty(_signatureProblems);
    }

    [Fact]
    public async Task The_container_path_invocations_serves_the_same_contract()
    {
        using var http = new HttpClient { BaseAddress = Address };
        using var body = new StringContent(JsonSerializer.Serialize(FeverInput(), RiskModelJsonContext.Default.RiskInput), System.Text.Encoding.UTF8, "application/json");
        var response = await http.PostAsync("/invocations", body);
        var evaluation = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), RiskModelJsonContext.Default.RiskEvaluation);
        Assert.Equal(RiskEngine.ModelName, evaluation!.Model);
        Assert.Contains(evaluation.News2.Parameters, p => p.Parameter == News2.News2Parameter.Temperature && p.Score == 2);
    }

    [Fact]
    public async Task A_body_that_is_not_a_risk_input_gets_400()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var response = await http.PostAsync("/invocations", new StringContent("{\"now\": 12", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_failing_endpoint_falls_back_to_the_built_in_engine_and_opens_the_circuit()
    {
        _mode = "fail";
        await using var services = Client(Address);
        var model = services.GetRequiredService<IRiskModel>();

        var results = new List<RiskEvaluation>();
        for (var i = 0; i < 8; i++)
        {
            results.Add(await model.EvaluateAsync(FeverInput(), CancellationToken.None));
        }

        Assert.All(results, r => Assert.True(r.FellBack));
        Assert.All(results, r => Assert.Equal(RiskLevel.Medium, r.Signals.Single(s => s.Kind == FindingKind.Fever).Level));
        // Once open, the circuit stops calls reaching the endpoint.
        Assert.InRange(_invocations, 2, 4);
    }

    [Fact]
    public async Task A_slow_endpoint_times_out_and_the_built_in_engine_answers()
    {
        _mode = "slow";
        await using var services = Client(Address, timeout: TimeSpan.FromMilliseconds(300));
        var started = DateTimeOffset.UtcNow;

        var evaluation = await services.GetRequiredService<IRiskModel>().EvaluateAsync(FeverInput(), CancellationToken.None);

        Assert.True(evaluation.FellBack);
        Assert.Equal(RiskEngine.ModelName, evaluation.Model);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_endpoint_that_is_down_falls_back()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var services = Client(new Uri($"http://127.0.0.1:{port}/"));

        var evaluation = await services.GetRequiredService<IRiskModel>().EvaluateAsync(FeverInput(), CancellationToken.None);

        Assert.True(evaluation.FellBack);
    }

    // Recomputes the signature from what arrived, as the SageMaker runtime would.
    private static string? VerifySignature(HttpRequest request, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        var signed = authorization.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        var headers = signed.SelectMany(name => request.Headers[name].Select(v => new KeyValuePair<string, string>(name, v!))).ToList();
        var time = DateTimeOffset.ParseExact(request.Headers["X-Amz-Date"].ToString(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var uri = new Uri($"http://{request.Host}{request.Path}{request.QueryString}");
        var expected = SigV4Algorithm.Sign(request.Method, uri, headers, SigV4Algorithm.HexSha256(body), time, "eu-west-1", "sagemaker", Keys);
        return expected.Authorization == authorization ? null : $"signature mismatch: {authorization}";
    }
}
