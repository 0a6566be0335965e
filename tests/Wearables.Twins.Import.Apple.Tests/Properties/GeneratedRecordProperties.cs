using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Import.Apple.Tests.Properties;

/// <summary>
/// Exports of generated records, valid and broken mixed: every valid record comes out as its sample (which the
/// service accepts), every broken one as one rejection with its reason and line, and the valid ones around a broken
/// one are still imported.
/// </summary>
public sealed class GeneratedRecordProperties
{
    private static readonly TelemetryDecoder Service = new(
        Options.Create(new IngestOptions { MaxSampleAge = TimeSpan.FromDays(36_500) }), TimeProvider.System);

    [Property(MaxTest = 200)]
    public Property Valid_records_are_imported_and_each_broken_one_is_reported_with_its_reason()
        => Prop.ForAll(AppleRecordCases.Exports(), async export =>
        {
            var outcome = await ImportOutcome.RunAsync(
                export.ToUtf8(), seekable: true, new ImportContext { FileName = "export.xml", LocalTimeZone = export.Zone });

            Assert.True(outcome.Failure is null, $"The import ended with {outcome.Failure}");
            var expected = export.Records
                .SelectMany((record, i) => record.Outputs.Select(output => (Line: ExportCase.FirstRecordLine + i, Record: record, Output: output)))
                .ToList();
            Assert.True(expected.Count == outcome.Records.Count,
                $"{expected.Count} records expected, {outcome.Records.Count} read:\n{string.Join("\n", outcome.Records)}");
            for (var i = 0; i < expected.Count; i++)
            {
                AssertOutput(expected[i].Line, expected[i].Record, expected[i].Output, outcome.Records[i], export.ZoneOffset);
            }
        });

    private static void AssertOutput(int line, RecordCase record, ExpectedOutput expected, ImportRecord actual, TimeSpan zone)
    {
        var where = $"line {line} ({record.Description}) gave {actual}";
        if (expected.EitherRejection)
        {
            Assert.True(actual.Reason == expected.Reason || (actual.Sample is { } passed && Verdict(passed).Status == SampleStatus.Rejected), where);
            return;
        }

        if (expected.Reason is { } reason)
        {
            Assert.True(actual.Sample is null && actual.Reason == reason, $"{where}; expected {reason}");
            Assert.StartsWith($"Line {line}: ", actual.Detail, StringComparison.Ordinal);
            return;
        }

        var sample = actual.Sample;
        var wanted = expected.Sample!;
        Assert.True(sample is not null, where);
        Assert.Equal(
            (wanted.Type, ExpectedOutput.Resolve(wanted.Time, zone), ExpectedOutput.Resolve(wanted.End, zone), wanted.Value, wanted.Systolic, wanted.Diastolic,
                wanted.Unit, wanted.Context, wanted.Category, wanted.Stage, wanted.Values, expected.Source),
            (sample.Type, sample.Time, sample.End, sample.Value, sample.Systolic, sample.Diastolic,
                sample.Unit, sample.Context, sample.Category, sample.Stage, sample.Values, actual.Source));

        var verdict = Verdict(sample);
        Assert.True(
            expected.ServiceReason is null ? verdict.Status == SampleStatus.Accepted : verdict.Reason == expected.ServiceReason,
            $"{where}: the service said {verdict.Status} {verdict.Reason} {verdict.Detail}");
    }

    private static SampleVerdict Verdict(EnvelopeSample sample)
        => Assert.Single(Service.Decode(new TelemetryEnvelope { DeviceId = "import-test", MessageId = "m-1", Samples = [sample] }).Verdicts);
}
