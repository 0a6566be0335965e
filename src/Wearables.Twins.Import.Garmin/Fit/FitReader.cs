using System.Buffers.Binary;

namespace Wearables.Twins.Import.Garmin.Fit;

/// <summary>What <see cref="FitReader.ReadAsync"/> found next.</summary>
internal enum FitItem
{
    /// <summary>A data message, in <see cref="FitReader.Message"/>.</summary>
    Message,

    /// <summary>Something wrong with the file, in <see cref="FitReader.Problem"/>; reading goes on when it can.</summary>
    Problem,

    /// <summary>The end of one FIT file (a chained file may follow).</summary>
    FileEnd,

    /// <summary>Nothing more to read.</summary>
    End,
}

/// <summary>A problem with the file, as a reason code and a sentence for people.</summary>
internal readonly record struct FitProblem(string Reason, string Detail);

/// <summary>
/// Decodes a FIT stream forward only: the file header, definition and data records (normal and compressed
/// timestamp headers, developer fields skipped by size), the file CRC, and chained files. It keeps one
/// definition per local message type (16) and nothing else from the past, so memory does not grow with the file.
/// </summary>
internal sealed class FitReader(Stream stream)
{
    public const ushort TimestampField = 253;
    private const int MinHeaderSize = 12;
    private const int LocalTypes = 16;
    private const byte CompressedTimestampBit = 0x80;
    private const byte DefinitionBit = 0x40;
    private const byte DeveloperDataBit = 0x20;

    private readonly FitInput _input = new(stream);
    private readonly FitDefinition?[] _definitions = new FitDefinition?[LocalTypes];
    private readonly FitMessage _message = new();
    private State _state = State.Header;
    private long _dataEnd;
    private uint? _lastTimestamp;

    private enum State
    {
        Header,
        Records,
        Skip,
        Crc,
        FileEnd,
        Next,
        Done,
    }

    /// <summary>The message found by the latest <see cref="FitItem.Message"/>; valid until the next read.</summary>
    public FitMessage Message => _message;

    /// <summary>The problem found by the latest <see cref="FitItem.Problem"/>.</summary>
    public FitProblem Problem { get; private set; }

    /// <summary>FIT files (headers) read so far: more than one for chained files.</summary>
    public int Files { get; private set; }

    /// <summary>Whether the CRC of the latest complete file matched; null before any file was complete.</summary>
    public bool? CrcValid { get; private set; }

    /// <summary>Bytes consumed so far.</summary>
    public long Position => _input.Position;

    /// <exception cref="InvalidDataException">The stream does not start with a FIT file header.</exception>
    public async ValueTask<FitItem> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FitItem? item;
            switch (_state)
            {
                case State.Header:
                    item = await ReadHeaderAsync(cancellationToken);
                    break;
                case State.Records:
                    if (_input.Position >= _dataEnd)
                    {
                        _state = State.Crc;
                        continue;
                    }

                    item = await ReadRecordAsync(cancellationToken);
                    break;
                case State.Skip:
                    item = await SkipDataAsync(cancellationToken);
                    break;
                case State.Crc:
                    item = await ReadCrcAsync(cancellationToken);
                    break;
                case State.FileEnd:
                    _state = State.Next;
                    return FitItem.FileEnd;
                case State.Next:
                    _state = await _input.EnsureAsync(1, cancellationToken) ? State.Header : State.Done;
                    continue;
                default:
                    return FitItem.End;
            }

            if (item is { } found)
            {
                return found;
            }
        }
    }

    private async ValueTask<FitItem?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var first = Files == 0;
        var start = _input.Position;
        var complete = await _input.EnsureAsync(MinHeaderSize, cancellationToken);
        var size = _input.Available > 0 ? _input.Peek(1)[0] : 0;
        if (!complete || size < MinHeaderSize || !_input.Peek(MinHeaderSize)[8..].SequenceEqual(".FIT"u8))
        {
            if (first)
            {
                throw new InvalidDataException(complete
                    ? "Not a FIT file: bytes 8–11 are not \".FIT\" (or the header size is under 12)."
                    : $"Not a FIT file: {_input.Available} bytes, shorter than a FIT header (12).");
            }

            return Report(ImportReasons.UnreadableRecord,
                $"The {_input.Available}{(complete ? " or more" : string.Empty)} bytes after byte {start} (the end of the FIT file before them) are not another FIT file; they are ignored.",
                State.Done);
        }

        if (!await _input.EnsureAsync(size, cancellationToken))
        {
            return first
                ? throw new InvalidDataException($"The FIT header says {size} bytes but the file has only {_input.Available}.")
                : Report(GarminFitReasons.TruncatedFile,
                    $"The chained FIT file at byte {start} ends inside its {size}-byte header.", State.Done);
        }

        _input.ResetCrc();
        var header = _input.Buffer.AsSpan(_input.Take(size), size);
        var protocolMajor = header[1] >> 4;
        if (protocolMajor > 2)
        {
            return first
                ? throw new InvalidDataException($"FIT protocol version {protocolMajor}.{header[1] & 0x0F} is not supported (up to 2.x).")
                : Report(ImportReasons.UnreadableRecord,
                    $"The chained FIT file at byte {start} uses protocol {protocolMajor}.{header[1] & 0x0F}, which is not supported; it is ignored.",
                    State.Done);
        }

        Files++;
        _dataEnd = _input.Position + BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        Array.Clear(_definitions);
        _lastTimestamp = null;
        _state = State.Records;

        if (size >= 14)
        {
            var stored = BinaryPrimitives.ReadUInt16LittleEndian(header[12..]);
            var computed = FitCrc.Compute(header[..12]);
            if (stored != 0 && stored != computed)
            {
                return Report(GarminFitReasons.CrcMismatch,
                    $"The header CRC of the FIT file at byte {start} is 0x{stored:X4} but its bytes give 0x{computed:X4}; reading on.",
                    State.Records);
            }
        }

        return null;
    }

    private async ValueTask<FitItem?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        var offset = _input.Position;
        if (!await _input.EnsureAsync(1, cancellationToken))
        {
            return Truncated(offset);
        }

        var header = _input.Peek(1)[0];
        if ((header & CompressedTimestampBit) == 0 && (header & DefinitionBit) != 0)
        {
            return await ReadDefinitionAsync(header, offset, cancellationToken);
        }

        var compressed = (header & CompressedTimestampBit) != 0;
        var local = compressed ? (header >> 5) & 0x03 : header & 0x0F;
        if (_definitions[local] is not { } definition)
        {
            return Framing(offset, $"a data message of local type {local} comes before any definition of it");
        }

        var length = 1 + definition.DataSize;
        if (offset + length > _dataEnd)
        {
            return Framing(offset, $"a {length}-byte data message runs past the end of the data at byte {_dataEnd}");
        }

        if (!await _input.EnsureAsync(length, cancellationToken))
        {
            return Truncated(offset);
        }

        var at = _input.Take(length);
        _message.Set(definition, _input.Buffer, at + 1, offset);

        uint? timestamp = null;
        if (compressed)
        {
            // The 5-bit offset replaces the low bits of the last full timestamp, rolling over every 32 s.
            if (_lastTimestamp is { } last)
            {
                var low = (uint)(header & 0x1F);
                var time = (last & ~0x1Fu) + low;
                timestamp = low < (last & 0x1F) ? time + 0x20 : time;
            }
        }
        else if (_message.TryGetUInt((byte)TimestampField, out var full) && full <= uint.MaxValue)
        {
            timestamp = (uint)full;
        }
        else if (definition.GlobalNumber == FitMessages.Monitoring && _lastTimestamp is { } last16
            && _message.TryGetUInt(FitMessages.MonitoringTimestamp16, out var low16) && low16 <= ushort.MaxValue)
        {
            // Monitoring files carry the low 16 bits of the time, relative to the last full timestamp.
            timestamp = last16 + (((uint)low16 - (last16 & 0xFFFF)) & 0xFFFF);
        }

        _lastTimestamp = timestamp ?? _lastTimestamp;
        _message.SetTimes(timestamp, _lastTimestamp);
        return FitItem.Message;
    }

    private async ValueTask<FitItem?> ReadDefinitionAsync(byte header, long offset, CancellationToken cancellationToken)
    {
        const int fixedPart = 6; // record header, reserved, architecture, global number (2), field count
        if (!await _input.EnsureAsync(fixedPart, cancellationToken))
        {
            return Truncated(offset);
        }

        var fieldCount = _input.Peek(fixedPart)[5];
        var length = fixedPart + (fieldCount * 3);
        var developer = (header & DeveloperDataBit) != 0;
        if (developer)
        {
            if (!await _input.EnsureAsync(length + 1, cancellationToken))
            {
                return Truncated(offset);
            }

            length += 1 + (_input.Peek(length + 1)[length] * 3);
        }

        if (offset + length > _dataEnd)
        {
            return Framing(offset, $"a {length}-byte definition message runs past the end of the data at byte {_dataEnd}");
        }

        if (!await _input.EnsureAsync(length, cancellationToken))
        {
            return Truncated(offset);
        }

        var bytes = _input.Buffer.AsSpan(_input.Take(length), length);
        var architecture = bytes[2];
        if (architecture > 1)
        {
            return Framing(offset, $"a definition message gives architecture {architecture}, neither 0 (little-endian) nor 1 (big-endian)");
        }

        var bigEndian = architecture == 1;
        var global = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes[3..]) : BinaryPrimitives.ReadUInt16LittleEndian(bytes[3..]);
        var fields = new FitFieldDefinition[fieldCount];
        var dataSize = 0;
        for (var i = 0; i < fieldCount; i++)
        {
            var field = bytes.Slice(fixedPart + (i * 3), 3);
            fields[i] = new FitFieldDefinition(field[0], field[1], FitBaseTypes.FromByte(field[2]), dataSize);
            dataSize += field[1];
        }

        if (developer)
        {
            // Developer fields: number, size, developer data index. Only their size matters here.
            var developerPart = bytes[(fixedPart + (fieldCount * 3))..];
            for (var i = 0; i < developerPart[0]; i++)
            {
                dataSize += developerPart[1 + (i * 3) + 1];
            }
        }

        _definitions[header & 0x0F] = new FitDefinition(global, bigEndian, fields, dataSize);
        return null;
    }

    private async ValueTask<FitItem?> SkipDataAsync(CancellationToken cancellationToken)
    {
        while (_input.Position < _dataEnd)
        {
            if (!await _input.EnsureAsync(1, cancellationToken))
            {
                return Truncated(_input.Position);
            }

            _input.Take((int)Math.Min(_dataEnd - _input.Position, _input.Available));
        }

        _state = State.Crc;
        return null;
    }

    private async ValueTask<FitItem?> ReadCrcAsync(CancellationToken cancellationToken)
    {
        var computed = _input.Crc;
        if (!await _input.EnsureAsync(2, cancellationToken))
        {
            return Report(GarminFitReasons.TruncatedFile,
                $"The file ends at byte {_input.Position + _input.Available}, before the 2-byte CRC that follows its data at byte {_dataEnd}; the records are imported but the file cannot be checked.",
                State.Done);
        }

        var stored = BinaryPrimitives.ReadUInt16LittleEndian(_input.Buffer.AsSpan(_input.Take(2), 2));
        CrcValid = stored == computed;
        return CrcValid == true
            ? Report(null, null, State.FileEnd)
            : Report(GarminFitReasons.CrcMismatch,
                $"The FIT file's CRC is 0x{stored:X4} but its bytes give 0x{computed:X4}: the file was damaged. The records decoded from it are kept; a damaged byte may have changed a value.",
                State.FileEnd);
    }

    private FitItem? Truncated(long recordOffset)
    {
        var end = _input.Position + _input.Available;
        var where = end > recordOffset ? $"inside the record at byte {recordOffset}" : "between two records";
        return Report(GarminFitReasons.TruncatedFile,
            $"The file ends at byte {end}, {where}, but its header announces data up to byte {_dataEnd} and a CRC; the records before the cut are imported, the rest is lost.",
            State.Done);
    }

    private FitItem? Framing(long offset, string what)
        => Report(ImportReasons.UnreadableRecord,
            $"Byte {offset}: {what}. The rest of this FIT file's data cannot be decoded and is skipped; its CRC is still checked.",
            State.Skip);

    private FitItem? Report(string? reason, string? detail, State next)
    {
        _state = next;
        if (reason is null || detail is null)
        {
            return null;
        }

        Problem = new FitProblem(reason, detail);
        return FitItem.Problem;
    }
}
