using System.Globalization;
using System.Text;

namespace Wearables.Twins.Benchmarks.AppleImport;

/// <summary>
/// Writes a synthetic Apple Health <c>export.xml</c> of a given size, shaped like a real one (the DOCTYPE,
/// <c>Me</c>, then <c>Record</c> lines of the common types, a blood-pressure <c>Correlation</c> now and then and
/// HRV records with a short beat list), with timestamps in HealthKit's <c>2019-07-18 21:16:39 +0200</c> format.
/// </summary>
internal static class ExportGenerator
{
    private const string Offset = " +0200";
    private const string Watch = "Apple Watch de Zoé";

    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE HealthData [
        <!-- HealthKit Export Version: 12 -->
        <!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
        <!ATTLIST HealthData
          locale CDATA #REQUIRED
        >
        <!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
        ]>
        <HealthData locale="en_US">
         <ExportDate value="2024-03-10 09:00:00 +0200"/>
         <Me HKCharacteristicTypeIdentifierDateOfBirth="1990-02-01" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet" HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse="None"/>

        """;

    private static readonly string[] SleepStages =
    [
        "HKCategoryValueSleepAnalysisInBed", "HKCategoryValueSleepAnalysisAsleepCore",
        "HKCategoryValueSleepAnalysisAsleepDeep", "HKCategoryValueSleepAnalysisAsleepREM", "HKCategoryValueSleepAnalysisAwake",
    ];

    /// <summary>Writes at least <paramref name="bytes"/> bytes (whole elements) to <paramref name="path"/>; returns the element count written.</summary>
    public static async Task<long> WriteAsync(string path, long bytes, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 20 };
        await using var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        await writer.WriteAsync(Head.ReplaceLineEndings("\n"));
        var random = new Random(20190718);
        var time = new DateTime(2019, 7, 18, 21, 16, 39, DateTimeKind.Unspecified);
        var line = new StringBuilder(1024);
        long written = Encoding.UTF8.GetByteCount(Head);
        long elements = 0;
        for (long i = 0; written < bytes; i++)
        {
            if (i % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            time = time.AddSeconds(random.Next(5, 90));
            line.Clear();
            Append(line, i, time, random);
            var text = line.ToString();
            await writer.WriteAsync(text);
            written += Encoding.UTF8.GetByteCount(text);
            elements++;
        }

        await writer.WriteAsync("</HealthData>\n");
        return elements;
    }

    private static void Append(StringBuilder line, long index, DateTime time, Random random)
    {
        var start = Stamp(time);
        var created = Stamp(time.AddSeconds(random.Next(1, 30)));
        switch (index % 40)
        {
            case 10 or 11 or 12 or 30 or 31:
                Record(line, "HKQuantityTypeIdentifierStepCount", "iPhone", "count", created, start, Stamp(time.AddMinutes(1)), Number(random.Next(10, 140)));
                break;
            case 13 or 33:
                Record(line, "HKQuantityTypeIdentifierOxygenSaturation", Watch, "%", created, start, start, Number(random.Next(92, 100) / 100.0));
                break;
            case 14 or 34:
                line.Append(CultureInfo.InvariantCulture,
                    $" <Record type=\"HKCategoryTypeIdentifierSleepAnalysis\" sourceName=\"{Watch}\" sourceVersion=\"10.3\" creationDate=\"{created}\" startDate=\"{start}\" endDate=\"{Stamp(time.AddMinutes(random.Next(5, 90)))}\" value=\"{SleepStages[random.Next(SleepStages.Length)]}\"/>\n");
                break;
            case 16:
                Record(line, "HKQuantityTypeIdentifierBodyMass", "Withings", "kg", created, start, start, Number(Math.Round(60 + (random.NextDouble() * 5), 1)));
                break;
            case 17:
                Hrv(line, index, time, created, start, random);
                break;
            case 18:
                if (index % 120 == 18)
                {
                    Correlation(line, created, start, random);
                }
                else
                {
                    HeartRate(line, created, start, random, metadata: true);
                }

                break;
            default:
                HeartRate(line, created, start, random, metadata: index % 7 == 0);
                break;
        }
    }

    private static void HeartRate(StringBuilder line, string created, string start, Random random, bool metadata)
    {
        var value = Number(random.Next(48, 130));
        if (!metadata)
        {
            Record(line, "HKQuantityTypeIdentifierHeartRate", Watch, "count/min", created, start, start, value);
            return;
        }

        line.Append(CultureInfo.InvariantCulture,
            $" <Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"{Watch}\" sourceVersion=\"10.3\" unit=\"count/min\" creationDate=\"{created}\" startDate=\"{start}\" endDate=\"{start}\" value=\"{value}\">\n");
        line.Append(CultureInfo.InvariantCulture, $"  <MetadataEntry key=\"HKMetadataKeyHeartRateMotionContext\" value=\"{random.Next(0, 3)}\"/>\n");
        line.Append(" </Record>\n");
    }

    private static void Hrv(StringBuilder line, long index, DateTime time, string created, string start, Random random)
    {
        var end = Stamp(time.AddMinutes(1));
        var value = Number(Math.Round(20 + (random.NextDouble() * 60), 1));
        if (index % 160 != 17)
        {
            Record(line, "HKQuantityTypeIdentifierHeartRateVariabilitySDNN", Watch, "ms", created, start, end, value);
            return;
        }

        line.Append(CultureInfo.InvariantCulture,
            $" <Record type=\"HKQuantityTypeIdentifierHeartRateVariabilitySDNN\" sourceName=\"{Watch}\" sourceVersion=\"10.3\" unit=\"ms\" creationDate=\"{created}\" startDate=\"{start}\" endDate=\"{end}\" value=\"{value}\">\n");
        line.Append("  <HeartRateVariabilityMetadataList>\n");
        var beat = time;
        for (var b = 0; b < 6; b++)
        {
            beat = beat.AddMilliseconds(random.Next(700, 1100));
            line.Append(CultureInfo.InvariantCulture,
                $"   <InstantaneousBeatsPerMinute bpm=\"{random.Next(55, 85)}\" time=\"{beat.ToString("h:mm:ss.ff tt", CultureInfo.InvariantCulture)}\"/>\n");
        }

        line.Append("  </HeartRateVariabilityMetadataList>\n");
        line.Append(" </Record>\n");
    }

    private static void Correlation(StringBuilder line, string created, string start, Random random)
    {
        line.Append(CultureInfo.InvariantCulture,
            $" <Correlation type=\"HKCorrelationTypeIdentifierBloodPressure\" sourceName=\"Omron Connect\" sourceVersion=\"7.9\" creationDate=\"{created}\" startDate=\"{start}\" endDate=\"{start}\">\n");
        line.Append("  <MetadataEntry key=\"HKWasUserEntered\" value=\"0\"/>\n");
        line.Append("  ");
        Record(line, "HKQuantityTypeIdentifierBloodPressureDiastolic", "Omron", "mmHg", created, start, start, Number(random.Next(65, 90)));
        line.Append("  ");
        Record(line, "HKQuantityTypeIdentifierBloodPressureSystolic", "Omron", "mmHg", created, start, start, Number(random.Next(105, 140)));
        line.Append(" </Correlation>\n");
    }

    private static void Record(StringBuilder line, string type, string source, string unit, string created, string start, string end, string value)
        => line.Append(CultureInfo.InvariantCulture,
            $" <Record type=\"{type}\" sourceName=\"{source}\" sourceVersion=\"10.3\" unit=\"{unit}\" creationDate=\"{created}\" startDate=\"{start}\" endDate=\"{end}\" value=\"{value}\"/>\n");

    private static string Stamp(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + Offset;

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
