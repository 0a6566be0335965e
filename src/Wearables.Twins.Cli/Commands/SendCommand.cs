using System.CommandLine;
using Wearables.Twins.Cli.Api;
using Wearables.Twins.Cli.Output;
using Wearables.Twins.Cli.Telemetry;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Cli.Commands;

/// <summary>
/// <c>twins send &lt;deviceId&gt; --type … --value …</c>: one sample in a fresh envelope, posted like a device would,
/// with the service's per-sample verdict printed.
/// </summary>
internal sealed class SendCommand : TwinsCommand
{
    private readonly Argument<string> _deviceId = new("deviceId") { Description = "Device id the sample comes from." };
    private readonly Option<string> _type = CommonOptions.VitalType();
    private readonly Option<double?> _value = new("--value", "-v") { Description = "The reading, for scalar vitals and steps." };
    private readonly Option<string> _unit = new("--unit", "-u") { Description = "UCUM unit or an accepted alias; default: the vital's canonical unit." };
    private readonly Option<string> _time = CommonOptions.Time("--time", "When it was measured, RFC 3339 with an offset; default: now, with the local offset.");
    private readonly Option<string> _end = CommonOptions.Time("--end", "End of the interval for steps and sleep_stage.");
    private readonly Option<double?> _systolic = new("--systolic") { Description = "Systolic pressure, for blood_pressure." };
    private readonly Option<double?> _diastolic = new("--diastolic") { Description = "Diastolic pressure, for blood_pressure." };
    private readonly Option<double[]> _values = new("--values") { Description = "Numbers of a series, for rr_intervals.", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string> _stage = new("--stage") { Description = "Category, for sleep_stage: awake, light, deep, rem, in_bed." };
    private readonly Option<string> _messageId = new("--message-id") { Description = "Reuse a message id to test redelivery; default: a fresh one.", HelpName = "id" };
    private readonly Option<bool> _json = CommonOptions.Json();

    public SendCommand(CliRuntime runtime)
        : base("send", "Send one sample as a device would (POST /api/v1/telemetry) and print the service's verdict.", runtime)
    {
        Arguments.Add(_deviceId);
        foreach (var option in new Option[] { _type, _value, _unit, _time, _end, _systolic, _diastolic, _values, _stage, _messageId, _json })
        {
            Options.Add(option);
        }
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var input = new SampleInput(
            parse.GetRequiredValue(_type), parse.GetValue(_value), parse.GetValue(_unit), parse.GetValue(_time), parse.GetValue(_end),
            parse.GetValue(_systolic), parse.GetValue(_diastolic), parse.GetValue(_values), parse.GetValue(_stage));
        var envelope = EnvelopeFactory.Create(
            parse.GetRequiredValue(_deviceId), input, TimeProvider.System.GetLocalNow(), parse.GetValue(_messageId));

        var result = await context.Api.PostTelemetryAsync(envelope, cancellationToken);
        if (parse.GetValue(_json))
        {
            context.Output.Json(result.Json);
        }
        else
        {
            Print(context.Output, envelope, result.Value);
        }

        var report = result.Value;
        var rejected = Math.Max(report.Rejected, report.Samples?.Count(s => s.IsRejected) ?? 0);
        if (rejected > 0)
        {
            context.Output.Error($"{rejected} of {envelope.Samples.Count} samples were rejected.");
            return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }

    private static void Print(CliOutput output, TelemetryEnvelope envelope, IngestReport report)
    {
        output.Line($"Message {report.MessageId ?? envelope.MessageId} from device {report.DeviceId ?? envelope.DeviceId}: "
            + $"{report.Outcome ?? "unknown outcome"} — accepted {report.Accepted}, rejected {report.Rejected}, duplicates {report.Duplicates}");
        if (report.Samples is not { Count: > 0 } verdicts)
        {
            return;
        }

        var table = Tables.Create("#", "Vital", "Status", "Detail").RightAlign(0);
        foreach (var verdict in verdicts)
        {
            var vital = verdict.Index >= 0 && verdict.Index < envelope.Samples.Count ? envelope.Samples[verdict.Index].Type : null;
            var detail = verdict.Reason is null ? verdict.Detail : $"{verdict.Reason}: {verdict.Detail}";
            table.AddTextRow(verdict.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), vital, verdict.Status, detail);
        }

        output.Write(table);
    }
}
