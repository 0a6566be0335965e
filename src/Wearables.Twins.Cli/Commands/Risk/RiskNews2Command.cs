using System.CommandLine;
using System.Text.Json;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.News2;

namespace Wearables.Twins.Cli.Commands.Risk;

/// <summary>
/// <c>twins risk news2 --rr 22 --spo2 94 --sbp 105 --pulse 115 --temp 38.5 [--oxygen] [--consciousness alert|cvpu] [--scale2]</c>:
/// prints the per-parameter and aggregate NEWS2 score (RCP 2017) as JSON; parameters not given are listed as missing.
/// </summary>
internal sealed class RiskNews2Command : TwinsCommand
{
    private readonly Option<double?> _respiration = new("--rr") { Description = "Respiration rate (breaths/min).", HelpName = "per-min" };
    private readonly Option<double?> _spo2 = new("--spo2") { Description = "Oxygen saturation (%).", HelpName = "percent" };
    private readonly Option<double?> _systolic = new("--sbp") { Description = "Systolic blood pressure (mmHg).", HelpName = "mmHg" };
    private readonly Option<double?> _pulse = new("--pulse") { Description = "Pulse (beats/min).", HelpName = "per-min" };
    private readonly Option<double?> _temperature = new("--temp") { Description = "Temperature (°C).", HelpName = "celsius" };
    private readonly Option<bool> _oxygen = new("--oxygen") { Description = "On supplemental oxygen (otherwise air is assumed)." };
    private readonly Option<string?> _consciousness = new("--consciousness") { Description = "alert, or cvpu (new confusion, voice, pain, unresponsive).", HelpName = "alert|cvpu" };
    private readonly Option<bool> _scale2 = new("--scale2") { Description = "Score SpO2 on scale 2 (target 88–92%, clinician's decision)." };

    public RiskNews2Command(CliRuntime runtime)
        : base("news2", "Score observations on the NEWS2 chart (RCP 2017) and print the result as JSON.", runtime)
    {
        _consciousness.AcceptOnlyFromAmong("alert", "cvpu");
        Options.Add(_respiration);
        Options.Add(_spo2);
        Options.Add(_systolic);
        Options.Add(_pulse);
        Options.Add(_temperature);
        Options.Add(_oxygen);
        Options.Add(_consciousness);
        Options.Add(_scale2);
    }

    protected override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var consciousness = parse.GetValue(_consciousness);
        var observations = new News2Observations
        {
            RespirationRate = Reading(parse.GetValue(_respiration)),
            OxygenSaturation = Reading(parse.GetValue(_spo2)),
            AirOrOxygen = new News2Reading(parse.GetValue(_oxygen) ? 1 : 0),
            SystolicBloodPressure = Reading(parse.GetValue(_systolic)),
            Pulse = Reading(parse.GetValue(_pulse)),
            Consciousness = consciousness is null ? null : new News2Reading(consciousness == "cvpu" ? 1 : 0),
            Temperature = Reading(parse.GetValue(_temperature)),
            UseScale2 = parse.GetValue(_scale2),
        };

        var result = News2Calculator.Calculate(observations);
        var output = new News2Output(
            [.. result.Parameters.Select(p => new News2ParameterOutput(ParameterName(p.Parameter), p.Value, p.Score))],
            result.Aggregate,
            BandName(result.Band),
            result.IsPartial,
            [.. result.Missing.Select(ParameterName)],
            result.Scale2 ? 2 : 1,
            ScreeningWording.Disclaimer);
        context.Output.Json(JsonSerializer.Serialize(output, RiskCliJsonContext.Default.News2Output));
        return Task.FromResult(ExitCodes.Success);
    }

    private static News2Reading? Reading(double? value) => value is { } v ? new News2Reading(v) : null;

    private static string ParameterName(News2Parameter parameter) => parameter switch
    {
        News2Parameter.RespirationRate => "respiration_rate",
        News2Parameter.OxygenSaturation => "spo2",
        News2Parameter.AirOrOxygen => "air_or_oxygen",
        News2Parameter.SystolicBloodPressure => "systolic_bp",
        News2Parameter.Pulse => "pulse",
        News2Parameter.Consciousness => "consciousness",
        News2Parameter.Temperature => "temperature",
        _ => parameter.ToString(),
    };

    private static string BandName(News2Band band) => band switch
    {
        News2Band.LowMedium => "low-medium",
        News2Band.Medium => "medium",
        News2Band.High => "high",
        _ => "low",
    };
}
