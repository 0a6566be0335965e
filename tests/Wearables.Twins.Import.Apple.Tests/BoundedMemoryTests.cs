using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Wearables.Twins.Import.Apple.Tests;

/// <summary>
/// Reads a ~200 MB export.xml synthesised on the fly (never stored) and checks that the live heap stays flat:
/// the importer holds one element at a time, whatever the file size.
/// Runs alone: the heap is process-wide, and other tests' fixtures would count against the bound.
/// </summary>
[Collection(nameof(BoundedMemoryTests))]
public sealed class BoundedMemoryTests(ITestOutputHelper output)
{
    private const long TargetBytes = 200L * 1024 * 1024;
    private const long LiveHeapBound = 32L * 1024 * 1024;

    [Fact]
    public async Task A_200_MB_export_reads_with_a_flat_live_heap()
    {
        var blocks = (int)(TargetBytes / SyntheticExportStream.ApproximateBlockBytes);
        await using var content = new SyntheticExportStream(blocks);
        var importer = new AppleHealthImporter();
        var context = new ImportContext { FileName = "export.xml" };

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peakGrowth = 0L;
        long samples = 0, rejected = 0, records = 0;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await foreach (var record in importer.ReadAsync(content, context))
        {
            if (record.Sample is not null)
            {
                samples++;
            }
            else
            {
                rejected++;
            }

            // A full collection now and then measures what is really held, not garbage waiting for gen0.
            if (++records % 200_000 == 0)
            {
                peakGrowth = Math.Max(peakGrowth, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        peakGrowth = Math.Max(peakGrowth, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{content.BytesProduced / 1024.0 / 1024:0} MB, {records} records ({samples} samples, {rejected} rejected) in {clock.Elapsed.TotalSeconds:0.0} s ({cpu.TotalSeconds:0.0} s CPU, generator included); live heap growth peak {peakGrowth / 1024.0:0} KiB"));

        Assert.True(content.BytesProduced >= TargetBytes * 9 / 10, $"only {content.BytesProduced} bytes were produced");
        Assert.Equal(SyntheticExportStream.SamplesPerBlock * (long)blocks, samples);
        Assert.Equal(SyntheticExportStream.RejectionsPerBlock * (long)blocks, rejected);
        Assert.True(peakGrowth < LiveHeapBound, $"live heap grew by {peakGrowth} bytes while reading");
    }
}

[CollectionDefinition(nameof(BoundedMemoryTests), DisableParallelization = true)]
public sealed class BoundedMemoryCollection;

/// <summary>
/// An export.xml of <c>blocks</c> blocks, each written when the reader asks for it: heart rate with motion
/// context, steps, a sleep stage, an unsupported record, a blood-pressure correlation with its two top-level
/// halves, an HRV record with 40 beats, and a workout with a route. Nothing is kept once read.
/// </summary>
internal sealed class SyntheticExportStream(int blocks) : Stream
{
    public const int ApproximateBlockBytes = 5_600;

    /// <summary>heart rate, steps, sleep stage, blood pressure, hrv_sdnn, rr_intervals.</summary>
    public const int SamplesPerBlock = 6;

    /// <summary>Dietary water, two blood-pressure halves, the workout.</summary>
    public const int RejectionsPerBlock = 4;

    private static readonly byte[] Header = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE HealthData [\n<!-- HealthKit Export Version: 12 -->\n<!ELEMENT HealthData ANY>\n]>\n"
        + "<HealthData locale=\"fr_FR\">\n <ExportDate value=\"2024-01-01 00:00:00 +0100\"/>\n");

    private static readonly byte[] Footer = Encoding.UTF8.GetBytes("</HealthData>\n");

    private static readonly DateTimeOffset Origin = new(2015, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));

    private readonly StringBuilder _text = new(ApproximateBlockBytes * 2);
    private byte[] _pending = Header;
    private int _offset;
    private int _next;

    public long BytesProduced { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_offset == _pending.Length && !MoveNext())
            {
                break;
            }

            var length = Math.Min(buffer.Length - written, _pending.Length - _offset);
            _pending.AsSpan(_offset, length).CopyTo(buffer[written..]);
            _offset += length;
            written += length;
        }

        BytesProduced += written;
        return written;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private bool MoveNext()
    {
        if (_next > blocks)
        {
            return false;
        }

        _pending = _next == blocks ? Footer : Block(_next);
        _offset = 0;
        _next++;
        return true;
    }

    private byte[] Block(int index)
    {
        var start = Origin.AddMinutes(index * 10);
        var at = Apple(start);
        var later = Apple(start.AddMinutes(5));
        var source = index % 2 == 0 ? "Apple\u00A0Watch de Zoé" : "iPhone";
        var b = _text.Clear();
        b.Append(CultureInfo.InvariantCulture, $" <Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"{source}\" sourceVersion=\"10.1\" device=\"&lt;&lt;HKDevice: 0x283336ee0&gt;, name:Apple Watch, manufacturer:Apple, model:Watch, hardware:Watch6,2, software:10.1&gt;\" unit=\"count/min\" creationDate=\"{at}\" startDate=\"{at}\" endDate=\"{at}\" value=\"{60 + (index % 40)}\">\n");
        b.Append("  <MetadataEntry key=\"HKMetadataKeyHeartRateMotionContext\" value=\"1\"/>\n </Record>\n");
        b.Append(CultureInfo.InvariantCulture, $" <Record type=\"HKQuantityTypeIdentifierStepCount\" sourceName=\"iPhone\" unit=\"count\" creationDate=\"{later}\" startDate=\"{at}\" endDate=\"{later}\" value=\"{index % 500}\"/>\n");
        b.Append(CultureInfo.InvariantCulture, $" <Record type=\"HKCategoryTypeIdentifierSleepAnalysis\" sourceName=\"{source}\" value=\"HKCategoryValueSleepAnalysisAsleepCore\" startDate=\"{at}\" endDate=\"{later}\"/>\n");
        b.Append(CultureInfo.InvariantCulture, $" <Record type=\"HKQuantityTypeIdentifierDietaryWater\" sourceName=\"WaterMinder\" unit=\"mL\" startDate=\"{at}\" endDate=\"{at}\" value=\"250,5\"/>\n");
        b.Append(CultureInfo.InvariantCulture, $" <Record type=\"HKQuantityTypeIdentifierBloodPressureSystolic\" sourceName=\"Omron\" unit=\"mmHg\" startDate=\"{at}\" endDate=\"{at}\" value=\"121\"/>\n");
        b.Append(CultureInfo.InvariantCulture, $" <Record type=\"HKQuantityTypeIdentifierBloodPressureDiastolic\" sourceName=\"Omron\" unit=\"mmHg\" startDate=\"{at}\" endDate=\"{at}\" value=\"79\"/>\n");
        b.Append(CultureInfo.InvariantCulture, $" <Correlation type=\"HKCorrelationTypeIdentifierBloodPressure\" sourceName=\"Omron\" startDate=\"{at}\" endDate=\"{at}\">\n");
        b.Append("  <MetadataEntry key=\"HKWasUserEntered\" value=\"0\"/>\n");
        b.Append(CultureInfo.InvariantCulture, $"  <Record type=\"HKQuantityTypeIdentifierBloodPressureDiastolic\" sourceName=\"Omron\" unit=\"mmHg\" startDate=\"{at}\" endDate=\"{at}\" value=\"79\"/>\n");
        b.Append(CultureInfo.InvariantCulture, $"  <Record type=\"HKQuantityTypeIdentifierBloodPressureSystolic\" sourceName=\"Omron\" unit=\"mmHg\" startDate=\"{at}\" endDate=\"{at}\" value=\"121\"/>\n");
        b.Append(" </Correlation>\n");
        b.Append(CultureInfo.InvariantCulture, $" <Record type=\"HKQuantityTypeIdentifierHeartRateVariabilitySDNN\" sourceName=\"{source}\" unit=\"ms\" startDate=\"{at}\" endDate=\"{Apple(start.AddMinutes(1))}\" value=\"41,2\">\n  <HeartRateVariabilityMetadataList>\n");
        for (var beat = 0; beat < 40; beat++)
        {
            var time = start.AddSeconds(1 + beat);
            b.Append(CultureInfo.InvariantCulture, $"   <InstantaneousBeatsPerMinute bpm=\"{70 + (beat % 7)}\" time=\"{time:HH:mm:ss},{beat % 100:00}\"/>\n");
        }

        b.Append("  </HeartRateVariabilityMetadataList>\n </Record>\n");
        b.Append(CultureInfo.InvariantCulture, $" <Workout workoutActivityType=\"HKWorkoutActivityTypeWalking\" duration=\"5\" durationUnit=\"min\" sourceName=\"{source}\" startDate=\"{at}\" endDate=\"{later}\">\n");
        b.Append(CultureInfo.InvariantCulture, $"  <WorkoutRoute sourceName=\"{source}\" startDate=\"{at}\" endDate=\"{later}\">\n");
        for (var location = 0; location < 5; location++)
        {
            b.Append(CultureInfo.InvariantCulture, $"   <Location date=\"{at}\" latitude=\"48.85{location}\" longitude=\"2.35\" altitude=\"35\" horizontalAccuracy=\"3\" verticalAccuracy=\"2\" course=\"90\" speed=\"1.4\"/>\n");
        }

        b.Append("  </WorkoutRoute>\n </Workout>\n");
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    private static string Apple(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(23, 1);
}
