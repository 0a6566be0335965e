using System.Text;

namespace Wearables.Twins.Import.Vendors.Common;

/// <summary>One line of a text file, numbered from 1.</summary>
/// <param name="Text">The line without its terminator; cut at the reader's limit when <paramref name="TooLong"/>.</param>
/// <param name="Number">1-based line number in the file.</param>
/// <param name="TooLong">The line was longer than the limit: the rest of it was skipped, so the text is not the whole line.</param>
internal readonly record struct TextLine(string Text, long Number, bool TooLong);

/// <summary>
/// Reads a stream line by line with a hard cap on line length. <see cref="StreamReader.ReadLineAsync()"/> would
/// buffer a line of any size (a corrupted file without newlines would be read whole into memory); this reader keeps
/// at most <see cref="MaxLineChars"/> characters and skips the rest of an over-long line, so memory stays bounded.
/// UTF-8 (with or without BOM) and UTF-16 with BOM are understood; <c>\n</c>, <c>\r\n</c> and <c>\r</c> end lines.
/// </summary>
internal sealed class LineReader : IDisposable
{
    public const int DefaultMaxLineChars = 1 << 20;

    private readonly StreamReader _reader;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private bool _skipLineFeed;
    private bool _endOfStream;
    private long _number;

    public LineReader(Stream stream, int maxLineChars = DefaultMaxLineChars)
    {
        // The caller owns the stream (the import runner reads its position for progress): leave it open.
        _reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        MaxLineChars = maxLineChars;
    }

    public int MaxLineChars { get; }

    /// <summary>The next line, or null at the end of the stream.</summary>
    public async ValueTask<TextLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                if (_endOfStream || !await FillAsync(cancellationToken))
                {
                    return any ? new TextLine(_line.ToString(), ++_number, tooLong) : null;
                }
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_position] == '\n')
                {
                    _position++;
                    continue;
                }
            }

            any = true;
            var span = _buffer.AsSpan(_position, _length - _position);
            var end = span.IndexOfAny('\r', '\n');
            var chunk = end < 0 ? span : span[..end];
            var room = MaxLineChars - _line.Length;
            if (chunk.Length > room)
            {
                tooLong = true;
                _line.Append(chunk[..Math.Max(room, 0)]);
            }
            else
            {
                _line.Append(chunk);
            }

            if (end < 0)
            {
                _position = _length;
                continue;
            }

            _skipLineFeed = span[end] == '\r';
            _position += end + 1;
            return new TextLine(_line.ToString(), ++_number, tooLong);
        }
    }

    public void Dispose() => _reader.Dispose();

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        _endOfStream = _length == 0;
        return !_endOfStream;
    }
}
