using System.Text.Json;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Model;

namespace Wearables.Twins.ModelServer;

/// <summary>The SageMaker container contract over the built-in engine.</summary>
public static partial class InferenceEndpoints
{
    public static IEndpointRouteBuilder MapInferenceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ping", () => TypedResults.Ok());
        routes.MapPost("/invocations", InvokeAsync);
        routes.MapPost("/endpoints/{endpointName}/invocations", InvokeAsync);
        return routes;
    }

    private static async Task<IResult> InvokeAsync(HttpContext context, RiskEngine engine, ILogger<RiskEngine> logger)
    {
        RiskInput? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync(context.Request.Body, RiskModelJsonContext.Default.RiskInput, context.RequestAborted);
        }
        catch (JsonException exception)
        {
            LogRejected(logger, exception.Message);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a risk input.", detail: exception.Message);
        }

        if (input is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is empty.");
        }

        var evaluation = engine.Evaluate(input);
        return TypedResults.Json(evaluation, RiskModelJsonContext.Default.RiskEvaluation, RiskModelJsonContext.ContentType);
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Rejected an invocation: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
