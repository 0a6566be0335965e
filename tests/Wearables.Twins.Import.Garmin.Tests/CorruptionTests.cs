using Wearables.Twins.Import.Garmin.Fit;

namespace Wearables.Twins.Import.Garmin.Tests;

/// <summary>Damaged, cut and foreign files: reported once, with what could be read still imported.</summary>
public sealed class CorruptionTests
{
    private const string Run = "garmin-fenix-5-run.fit";
    private const int RunHeartRates = 21;

    [Fact]
    public async Task A_flipped_byte_is_one_crc_rejection_and_the_records_still_count()
    {
        var file = ImportHarness.Fixture(Run);
        var records = await RecordMessagesAsync(file);
        var fifth = records[4];
        Assert.True(fifth.Definition.TryGetField(3, out var heartRateField));
        var at = (int)fifth.Offset + 1 + heartRateField.Offset;
        Assert.Equal(59, file[at]);
        file[at] ^= 0x02; // 59 → 57: still a plausible heart rate, so only the CRC can tell

        var imported = await ImportHarness.ReadAllAsync(file);

        var rejection = Assert.Single(imported.Rejections());
        Assert.Equal(GarminFitReasons.CrcMismatch, rejection.Reason);
        Assert.Contains("CRC", rejection.Detail, StringComparison.Ordinal);
        Assert.Equal("garmin fenix5", rejection.Source);
        var heartRates = imported.Samples("heart_rate");
        Assert.Equal(RunHeartRates, heartRates.Count);
        Assert.Equal(57, heartRates[4].Value);
        ImportHarness.AssertAllAccepted(imported.Samples());
    }

    [Fact]
    public async Task A_damaged_crc_is_reported_after_every_record()
    {
        var file = ImportHarness.Fixture(Run);
        file[^1] ^= 0xFF;

        var imported = await ImportHarness.ReadAllAsync(file);

        Assert.Equal(GarminFitReasons.CrcMismatch, Assert.Single(imported.Rejections()).Reason);
        Assert.Equal(RunHeartRates, imported.Samples("heart_rate").Count);
        Assert.Single(imported.Samples("distance"));
    }

    [Fact]
    public async Task A_file_cut_inside_a_record_keeps_the_records_before_the_cut_and_reports_one_rejection()
    {
        var file = ImportHarness.Fixture(Run);
        var tenth = (await RecordMessagesAsync(file))[9];
        var cut = file[..((int)tenth.Offset + 3)];

        foreach (var seekable in new[] { true, false })
        {
            var imported = await ImportHarness.ReadAllAsync(cut, seekable: seekable);

            var rejection = Assert.Single(imported.Rejections());
            Assert.Equal(GarminFitReasons.TruncatedFile, rejection.Reason);
            Assert.Contains($"byte {cut.Length}", rejection.Detail, StringComparison.Ordinal);
            var heartRates = imported.Samples("heart_rate");
            Assert.Equal(9, heartRates.Count);

            // Same instants as the whole file's first nine (the offset now comes from the context: UTC).
            var whole = (await ImportHarness.ReadAllAsync(file)).Samples("heart_rate").Take(9);
            Assert.Equal(whole.Select(s => DateTimeOffset.Parse(s.Time!, System.Globalization.CultureInfo.InvariantCulture)),
                heartRates.Select(s => DateTimeOffset.Parse(s.Time!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.All(heartRates, s => Assert.Equal("active", s.Context)); // an activity file, its sessions lost

            // The beats read before the cut are still sent.
            Assert.Single(imported.Samples("rr_intervals"));
            Assert.Empty(imported.Samples("distance"));
            ImportHarness.AssertAllAccepted(imported.Samples());
        }
    }

    [Fact]
    public async Task A_file_cut_before_its_crc_keeps_every_record_and_reports_one_rejection()
    {
        var file = ImportHarness.Fixture(Run)[..^2];

        var imported = await ImportHarness.ReadAllAsync(file);

        Assert.Equal(GarminFitReasons.TruncatedFile, Assert.Single(imported.Rejections()).Reason);
        Assert.Equal(RunHeartRates, imported.Samples("heart_rate").Count);
        Assert.Single(imported.Samples("distance"));
    }

    [Fact]
    public async Task A_file_cut_inside_its_header_is_an_importer_error()
    {
        var file = ImportHarness.Fixture(Run)[..13];
        await Assert.ThrowsAsync<InvalidDataException>(() => ImportHarness.ReadAllAsync(file));
        await Assert.ThrowsAsync<InvalidDataException>(() => ImportHarness.ReadAllAsync(file[..10]));
    }

    [Fact]
    public async Task Garbage_is_not_read_and_is_an_importer_error()
    {
        var garbage = new byte[2048];
        new Random(42).NextBytes(garbage);
        garbage[8] = (byte)'x'; // make sure the random bytes do not spell ".FIT"
        var importer = new GarminFitImporter();

        Assert.False(importer.CanRead("garbage.fit", garbage));
        Assert.False(importer.CanRead("empty.fit", []));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImportHarness.ReadAllAsync(garbage));
        Assert.Contains(".FIT", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidDataException>(() => ImportHarness.ReadAllAsync([]));
        await Assert.ThrowsAsync<InvalidDataException>(() => ImportHarness.ReadAllAsync(ImportHarness.Fixture("garmin-fenix-5-run-records.csv"), seekable: false));
    }

    [Fact]
    public async Task Bytes_after_the_file_are_one_rejection()
    {
        var file = ImportHarness.Fixture(Run).Concat("trailing junk, not a FIT file"u8.ToArray()).ToArray();

        var imported = await ImportHarness.ReadAllAsync(file);

        var rejection = Assert.Single(imported.Rejections());
        Assert.Equal(ImportReasons.UnreadableRecord, rejection.Reason);
        Assert.Contains("not another FIT file", rejection.Detail, StringComparison.Ordinal);
        Assert.Equal(RunHeartRates, imported.Samples("heart_rate").Count);
    }

    [Fact]
    public async Task A_broken_record_header_stops_the_decoding_of_the_file_and_its_crc_is_still_checked()
    {
        var file = ImportHarness.Fixture(Run);
        var tenth = (await RecordMessagesAsync(file))[9];
        file[(int)tenth.Offset] = 0x0F; // a data message of local type 15, which this file never defines

        var imported = await ImportHarness.ReadAllAsync(file);

        Assert.Equal([ImportReasons.UnreadableRecord, GarminFitReasons.CrcMismatch], imported.Rejections().Select(r => r.Reason));
        Assert.Contains("local type 15", imported.Rejections()[0].Detail, StringComparison.Ordinal);
        Assert.Equal(9, imported.Samples("heart_rate").Count);
    }

    /// <summary>Offsets and definitions of the file's record (20) messages, read with the decoder itself.</summary>
    private static async Task<List<(long Offset, FitDefinition Definition)>> RecordMessagesAsync(byte[] file)
    {
        var reader = new FitReader(new MemoryStream(file));
        var records = new List<(long, FitDefinition)>();
        FitItem item;
        while ((item = await reader.ReadAsync()) != FitItem.End)
        {
            if (item == FitItem.Message && reader.Message.GlobalNumber == 20)
            {
                records.Add((reader.Message.Offset, reader.Message.Definition));
            }
        }

        return records;
    }
}
