using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Import.Apple.Tests.Properties;

/// <summary>
/// ECG CSVs of an export.zip with random header values (dates, sample rates, units, classifications) and voltages:
/// each gives one record, a sample the service accepts when the header is sound, else a rejection with its reason.
/// </summary>
public sealed class EcgRecordingProperties
{
    private static readonly TelemetryDecoder Service = new(
        Options.Create(new IngestOptions { MaxSampleAge = TimeSpan.FromDays(36_500) }), TimeProvider.System);

    private static readonly (string Text, bool Sound)[] Rates =
        [("512 hertz", true), ("512,5 hertz", true), ("128 Hz", true), ("0 hertz", false), ("0.000000001 hertz", false), ("0,0000000000001 hertz", false), ("", false), ("fast", false), ("99999999999999999999 hertz", false)];

    private static readonly (string? Text, bool Sound)[] Units = [("µV", true), ("μV", true), ("mV", true), (null, true), ("V", false), ("volts", false)];

    private static readonly (string Text, bool Sound)[] Dates =
        [("2020-04-26 13:23:40 -0300", true), ("2021-01-02 08:00:00 +0530", true), ("2020-04-26 13:23:40", true), ("0001-01-01 00:00:00 +0000", false), ("26/04/2020", false), ("", false)];

    [Property(MaxTest = 150)]
    public Property An_ecg_csv_gives_one_sample_or_one_rejection_with_a_reason()
        => Prop.ForAll(
            Arb.From(from rate in Gen.Elements(Rates)
                     from unit in Gen.Elements(Units)
                     from date in Gen.Elements(Dates)
                     from classification in Gen.Elements("Sinus Rhythm", "Atrial Fibrillation", "Heart Rate Over 150", "Rythme sinusal", "")
                     from count in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 200)))
                     from microvolts in Gen.ListOf(Gen.Choose(-2000, 2000).Select(v => v / 3.0), count)
                     let voltages = unit.Text == "mV" ? [.. microvolts.Select(v => v / 1000)] : microvolts
                     select (rate, unit, date, classification, voltages)),
            async ecg =>
            {
                var csv = new StringBuilder()
                    .Append("Name,Zoé Test\nDate of Birth,\"Jan 1, 1980\"\n")
                    .Append("Recorded Date,").Append(ecg.date.Text).Append('\n')
                    .Append("Classification,").Append(ecg.classification).Append('\n')
                    .Append("Device,Watch4\nSample Rate,").Append(ecg.rate.Text).Append('\n');
                if (ecg.unit.Text is { } unit)
                {
                    csv.Append("Unit,").Append(unit).Append('\n');
                }

                csv.Append('\n');
                foreach (var voltage in ecg.voltages)
                {
                    csv.Append(voltage.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                }

                var zip = Fixtures.Zip(("apple_health_export/electrocardiograms/ecg_2020-04-26.csv", Encoding.UTF8.GetBytes(csv.ToString())));
                var outcome = await ImportOutcome.RunAsync(zip.ToArray(), seekable: true);

                Assert.True(outcome.Failure is null, $"The import ended with {outcome.Failure}");
                var record = Assert.Single(outcome.Records);
                var verdict = record.Sample is { } sample
                    ? Assert.Single(Service.Decode(new TelemetryEnvelope { DeviceId = "import-test", MessageId = "m-1", Samples = [sample] }).Verdicts)
                    : (SampleVerdict?)null;
                var sound = ecg.rate.Sound && ecg.unit.Sound && ecg.date.Sound && ecg.voltages.Count > 0;
                if (!sound)
                {
                    // Refused by the importer, or passed on and refused by the service (an absurd rate makes an absurd end).
                    Assert.True(
                        verdict is { Status: SampleStatus.Rejected, Reason: not null } || (record.Sample is null && !string.IsNullOrWhiteSpace(record.Reason) && !string.IsNullOrWhiteSpace(record.Detail)),
                        $"{record.Reason} {record.Detail} {verdict}");
                    return;
                }

                Assert.True(record.Sample is not null, $"{record.Reason}: {record.Detail}");
                Assert.Equal(ecg.voltages, record.Sample.Values);
                Assert.True(verdict?.Status == SampleStatus.Accepted, $"{verdict}");
            });
}
