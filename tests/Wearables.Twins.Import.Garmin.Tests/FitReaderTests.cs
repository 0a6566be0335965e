using System.Globalization;
using Wearables.Twins.Import.Garmin.Fit;
using static Wearables.Twins.Import.Garmin.Tests.FitFileBuilder;

namespace Wearables.Twins.Import.Garmin.Tests;

/// <summary>The decoder on files written by <see cref="FitFileBuilder"/>: every base type, byte order, header forms, developer fields.</summary>
public sealed class FitReaderTests
{
    private static readonly uint T0 = Time(new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_crc_is_the_published_check_value()
    {
        // CRC-16/ARC of "123456789" is 0xBB3D.
        Assert.Equal(0xBB3D, FitCrc.Compute("123456789"u8));
        Assert.Equal(FitFileBuilder.Crc("FIT protocol"u8), FitCrc.Compute("FIT protocol"u8));
        Assert.Equal(0, FitCrc.Compute([]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_base_type_decodes_in_either_byte_order_and_its_invalid_value_means_absent(bool bigEndian)
    {
        (byte, byte, byte)[] fields =
        [
            (0, 1, FitType.Enum), (1, 1, FitType.SInt8), (2, 1, FitType.UInt8), (3, 2, FitType.SInt16), (4, 2, FitType.UInt16), (5, 4, FitType.SInt32), (6, 4, FitType.UInt32),
            (7, 8, FitType.String), (8, 4, FitType.Float32), (9, 8, FitType.Float64), (10, 1, FitType.UInt8z), (11, 2, FitType.UInt16z), (12, 4, FitType.UInt32z),
            (13, 1, FitType.Byte), (14, 8, FitType.SInt64), (15, 8, FitType.UInt64), (16, 8, FitType.UInt64z), (17, 6, FitType.UInt16), (18, 3, FitType.UInt16),
        ];
        var file = new FitFileBuilder()
            .Define(0, 0xFF00, bigEndian, [], fields)
            .Data(0, 3, -5, 200, -300, 60000, -70000, 4_000_000_000u, "abc", 1.5, -2.25, 7, 65000, 4_000_000_001u,
                0xAB, -9_000_000_000L, 18_000_000_000_000_000_000UL, 42UL, new object?[] { 1, null, 3 }, 5)
            .Data(0, null, null, null, null, null, null, null, "", null, null, 0, 0, 0, null, null, null, 0UL, null, null)
            .Build();

        var reader = new FitReader(new MemoryStream(file));
        Assert.Equal(FitItem.Message, await reader.ReadAsync());
        var m = reader.Message;
        Assert.Equal(0xFF00, m.GlobalNumber);
        Assert.True(m.TryGetUInt(0, out var enumValue) && enumValue == 3);
        Assert.True(m.TryGetDouble(1, out var sint8) && sint8 == -5);
        Assert.False(m.TryGetUInt(1, out _)); // negative
        Assert.True(m.TryGetUInt(2, out var uint8) && uint8 == 200);
        Assert.True(m.TryGetDouble(3, out var sint16) && sint16 == -300);
        Assert.True(m.TryGetUInt(4, out var uint16) && uint16 == 60000);
        Assert.True(m.TryGetDouble(5, out var sint32) && sint32 == -70000);
        Assert.True(m.TryGetUInt(6, out var uint32) && uint32 == 4_000_000_000u);
        Assert.Equal("abc", m.GetString(7));
        Assert.True(m.TryGetDouble(8, out var float32) && float32 == 1.5);
        Assert.False(m.TryGetUInt(8, out _)); // floats are not integers
        Assert.True(m.TryGetDouble(9, out var float64) && float64 == -2.25);
        Assert.True(m.TryGetUInt(10, out var uint8z) && uint8z == 7);
        Assert.True(m.TryGetUInt(11, out var uint16z) && uint16z == 65000);
        Assert.True(m.TryGetUInt(12, out var uint32z) && uint32z == 4_000_000_001u);
        Assert.True(m.TryGetUInt(13, out var byteValue) && byteValue == 0xAB);
        Assert.True(m.TryGetDouble(14, out var sint64) && sint64 == -9_000_000_000d);
        Assert.True(m.TryGetUInt(15, out var uint64) && uint64 == 18_000_000_000_000_000_000UL);
        Assert.True(m.TryGetUInt(16, out var uint64z) && uint64z == 42);
        Assert.Equal(3, m.Count(17));
        Assert.True(m.TryGetUInt(17, out var first) && first == 1);
        Assert.False(m.TryGetUInt(17, out _, 1)); // an invalid element inside an array
        Assert.True(m.TryGetUInt(17, out var third, 2) && third == 3);
        Assert.False(m.TryGetUInt(17, out _, 3));
        Assert.Equal(0, m.Count(18)); // 3 bytes are not a whole number of uint16
        Assert.False(m.TryGetUInt(18, out _));
        Assert.False(m.TryGetUInt(99, out _)); // not defined

        Assert.Equal(FitItem.Message, await reader.ReadAsync());
        m = reader.Message;
        foreach (var field in new byte[] { 0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 })
        {
            Assert.False(m.TryGetDouble(field, out _), $"field {field} should read as invalid");
        }

        Assert.Null(m.GetString(7));
        Assert.Equal(FitItem.FileEnd, await reader.ReadAsync());
        Assert.Equal(FitItem.End, await reader.ReadAsync());
        Assert.True(reader.CrcValid);
    }

    [Fact]
    public async Task Compressed_timestamp_headers_take_the_low_bits_of_the_last_timestamp_and_roll_over()
    {
        var t = (T0 & ~0x1Fu) + 0x1C; // low bits 28
        var file = new FitFileBuilder()
            .Define(0, 20, (253, 4, FitType.UInt32), (3, 1, FitType.UInt8))
            .Define(1, 20, (3, 1, FitType.UInt8))
            .Data(0, t, 100)
            .Compressed(1, 0x1E, 101) // t + 2
            .Compressed(1, 0x03, 102) // rolled over: t + 7
            .Compressed(1, 0x03, 103) // same time again
            .Build();

        var times = new List<uint?>();
        var reader = new FitReader(new MemoryStream(file));
        while (await reader.ReadAsync() == FitItem.Message)
        {
            times.Add(reader.Message.Timestamp);
        }

        Assert.Equal(new uint?[] { t, t + 2, t + 7, t + 7 }, times);
    }

    [Fact]
    public async Task Developer_fields_are_skipped_by_size_and_a_local_type_can_be_redefined()
    {
        var file = new FitFileBuilder { HeaderSize = 12 }
            .Define(0, 20, bigEndian: false, [(0, 3, 0), (1, 4, 0)], (253, 4, FitType.UInt32), (3, 1, FitType.UInt8))
            .Data(0, T0, 90)
            .Data(0, T0 + 1, 91)
            .Define(0, 20, bigEndian: true, [], (3, 1, FitType.UInt8), (253, 4, FitType.UInt32))
            .Data(0, 92, T0 + 2)
            .Build();

        var values = new List<(uint?, ulong)>();
        var reader = new FitReader(new MemoryStream(file));
        FitItem item;
        while ((item = await reader.ReadAsync()) != FitItem.End)
        {
            Assert.NotEqual(FitItem.Problem, item);
            if (item == FitItem.Message)
            {
                Assert.True(reader.Message.TryGetUInt(3, out var heartRate));
                values.Add((reader.Message.Timestamp, heartRate));
            }
        }

        Assert.Equal([(T0, 90UL), (T0 + 1, 91UL), (T0 + 2, 92UL)], values);
        Assert.True(reader.CrcValid);
    }

    [Fact]
    public async Task A_wrong_header_crc_is_one_rejection_and_a_zero_header_crc_is_not_checked()
    {
        FitFileBuilder Build(ushort headerCrc) => new FitFileBuilder { HeaderCrcOverride = headerCrc }
            .Define(0, 0, (0, 1, FitType.Enum), (1, 2, FitType.UInt16), (2, 2, FitType.UInt16))
            .Data(0, 4, 1, 2697)
            .Define(1, 20, (253, 4, FitType.UInt32), (3, 1, FitType.UInt8))
            .Data(1, T0, 70);

        var wrong = await ImportHarness.ReadAllAsync(Build(0x1234).Build());
        var rejection = Assert.Single(wrong.Rejections());
        Assert.Equal(GarminFitReasons.CrcMismatch, rejection.Reason);
        Assert.Contains("header CRC", rejection.Detail, StringComparison.Ordinal);
        Assert.Single(wrong.Samples("heart_rate"));

        var notChecked = await ImportHarness.ReadAllAsync(Build(0).Build());
        Assert.Equal("garmin fenix5", Assert.Single(notChecked).Source);
        Assert.NotNull(notChecked[0].Sample);
    }

    [Fact]
    public async Task Chained_files_are_read_one_after_the_other_each_with_its_own_definitions_and_device()
    {
        var first = new FitFileBuilder()
            .Define(0, 0, (0, 1, FitType.Enum), (1, 2, FitType.UInt16), (2, 2, FitType.UInt16))
            .Data(0, 4, 1, 2697)
            .Define(1, 20, (253, 4, FitType.UInt32), (3, 1, FitType.UInt8))
            .Data(1, T0, 70)
            .Build();
        var second = new FitFileBuilder { HeaderSize = 12 }
            .Define(3, 0, (0, 1, FitType.Enum), (1, 2, FitType.UInt16), (2, 2, FitType.UInt16), (8, 12, FitType.String))
            .Data(3, 4, 294, 1, "PACE 2")
            .Define(2, 20, (253, 4, FitType.UInt32), (3, 1, FitType.UInt8))
            .Data(2, T0 + 60, 80)
            .Build();

        var imported = await ImportHarness.ReadAllAsync([.. first, .. second], seekable: false);

        Assert.Empty(imported.Rejections());
        Assert.Equal(
            [("garmin fenix5", 70d), ("coros PACE 2", 80d)],
            imported.Where(r => r.Sample is not null).Select(r => (r.Source!, r.Sample!.Value!.Value)));
    }

    [Fact]
    public async Task A_protocol_version_above_2_is_refused()
    {
        var file = new FitFileBuilder { ProtocolVersion = 0x30 }.Define(0, 20, (3, 1, FitType.UInt8)).Data(0, 60).Build();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImportHarness.ReadAllAsync(file));
        Assert.Contains("3.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_running_past_the_data_size_is_unreadable_and_the_file_stops_there()
    {
        var file = new FitFileBuilder()
            .Define(0, 20, (253, 4, FitType.UInt32), (3, 1, FitType.UInt8))
            .Data(0, T0, 60)
            .Raw(0x00, 0x01) // a data message of local type 0 cut short by the end of the data
            .Build();

        var imported = await ImportHarness.ReadAllAsync(file);

        var rejection = Assert.Single(imported.Rejections());
        Assert.Equal(ImportReasons.UnreadableRecord, rejection.Reason);
        Assert.Contains("past the end of the data", rejection.Detail, StringComparison.Ordinal);
        Assert.Equal(60, Assert.Single(imported.Samples("heart_rate")).Value);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero):yyyy-MM-dd'T'HH:mm:ss}+00:00"),
            imported.Samples("heart_rate")[0].Time);
    }

    [Fact]
    public async Task A_message_larger_than_the_read_buffer_is_read_whole()
    {
        var fields = Enumerable.Range(0, 200).Select(i => ((byte)i, (byte)255, FitType.Byte))
            .Append(((byte)253, (byte)4, FitType.UInt32)).Append(((byte)203, (byte)1, FitType.UInt8)).ToArray();
        var values = Enumerable.Repeat<object?>(new byte[] { 1, 2, 3 }, 200).Append(T0).Append(99).ToArray();
        var file = new FitFileBuilder().Define(0, 0xFF01, fields).Data(0, values).Data(0, values).Build();
        Assert.True(file.Length > 2 * 51_000);

        var reader = new FitReader(new MemoryStream(file));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(FitItem.Message, await reader.ReadAsync());
            Assert.True(reader.Message.TryGetUInt(203, out var last) && last == 99);
            Assert.True(reader.Message.TryGetUInt(199, out var third, 2) && third == 3);
            Assert.Equal(T0, reader.Message.Timestamp);
        }

        Assert.Equal(FitItem.FileEnd, await reader.ReadAsync());
        Assert.True(reader.CrcValid);
    }

    [Fact]
    public async Task A_long_file_streams_through_a_forward_only_stream()
    {
        const int count = 50_000;
        var builder = new FitFileBuilder()
            .Define(0, 0, (0, 1, FitType.Enum), (1, 2, FitType.UInt16), (2, 2, FitType.UInt16))
            .Data(0, 4, 1, 2697)
            .Define(0, 20, (253, 4, FitType.UInt32), (3, 1, FitType.UInt8))
            .Define(1, 20, (3, 1, FitType.UInt8))
            .Data(0, T0, 60);
        for (var i = 1; i < count; i++)
        {
            builder.Compressed(1, (int)((T0 + (uint)i) & 0x1F), 60 + (i % 100));
        }

        var imported = await ImportHarness.ReadAllAsync(builder.Build(), seekable: false);

        Assert.Empty(imported.Rejections());
        var heartRates = imported.Samples("heart_rate");
        Assert.Equal(count, heartRates.Count);
        Assert.Equal(WireTime.Format(FitEpoch.AddSeconds(T0 + count - 1).ToOffset(TimeSpan.Zero)), heartRates[^1].Time);
        Assert.Equal(heartRates.Count, heartRates.Select(s => s.Time).Distinct().Count());
    }
}
