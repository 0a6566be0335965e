using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Wearables.Twins.Import.Vendors.Common;

/// <summary>One element of a JSON array the reader was asked for, or the reason the file stops being readable.</summary>
/// <param name="Element">The element (a detached copy), when <paramref name="Error"/> is null.</param>
/// <param name="Index">0-based position among all the items yielded so far.</param>
/// <param name="ByteOffset">Where the element starts in the file (after any byte order mark).</param>
/// <param name="Error">A syntax error or an element over the size limit: nothing after it can be read.</param>
internal readonly record struct JsonItem(JsonElement Element, long Index, long ByteOffset, string? Error)
{
    public string Location => $"element {Index + 1} (byte {ByteOffset})";
}

/// <summary>
/// Streams the elements of chosen arrays out of a JSON file of any size: the elements of every array held by a
/// property whose name <c>isItemArray</c> accepts (null stands for a root array), and optionally every root value
/// (concatenated or pretty-printed documents). Only one element is held at a time, so memory is bounded by the
/// largest element (at most <c>maxItemBytes</c>) rather than by the file. A syntax error ends the reading: JSON
/// cannot be resynchronised safely, so the error is yielded as the last item.
/// </summary>
internal static class JsonItemReader
{
    public const int DefaultMaxItemBytes = 4 << 20;

    public static async IAsyncEnumerable<JsonItem> ReadAsync(
        Stream stream, Func<string?, bool> isItemArray, bool rootValuesAreItems, int maxItemBytes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        var final = false;
        long baseOffset = 0;
        var scanner = new Scanner(isItemArray, rootValuesAreItems);
        var state = new JsonReaderState(new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            AllowMultipleValues = rootValuesAreItems,
            MaxDepth = 256,
        });
        length = await stream.ReadAtLeastAsync(buffer, 3, throwOnEndOfStream: false, cancellationToken);
        final = length == 0;
        if (length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            // A UTF-8 byte order mark is not JSON; drop it.
            Buffer.BlockCopy(buffer, 3, buffer, 0, length - 3);
            length -= 3;
            baseOffset = 3;
        }

        var filled = true;
        while (true)
        {
            if (!final && !filled)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                final = read == 0;
                length += read;
            }

            filled = false;

            var step = scanner.Step(buffer.AsSpan(0, length), final, ref state, baseOffset);
            foreach (var item in step.Items)
            {
                yield return item;
            }

            if (step.Error is { } error)
            {
                yield return new JsonItem(default, scanner.Count, baseOffset + step.Consumed, error);
                yield break;
            }

            if (step.Done)
            {
                yield break;
            }

            Buffer.BlockCopy(buffer, step.Consumed, buffer, 0, length - step.Consumed);
            length -= step.Consumed;
            baseOffset += step.Consumed;
            if (length == buffer.Length)
            {
                if (buffer.Length >= maxItemBytes)
                {
                    yield return new JsonItem(default, scanner.Count, baseOffset,
                        $"an element is larger than {maxItemBytes} bytes; the rest of the file is not read");
                    yield break;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxItemBytes));
            }
            else if (final && step.Consumed == 0)
            {
                yield return new JsonItem(default, scanner.Count, baseOffset, "the file ends in the middle of a JSON value");
                yield break;
            }
        }
    }

    private readonly record struct StepResult(List<JsonItem> Items, int Consumed, string? Error, bool Done = false);

    /// <summary>The synchronous part: a <see cref="Utf8JsonReader"/> cannot live across an await.</summary>
    private sealed class Scanner(Func<string?, bool> isItemArray, bool rootValuesAreItems)
    {
        // One entry per open container: true when the container is an array whose elements are items.
        private readonly Stack<bool> _containers = new();
        private string? _property;

        public long Count { get; private set; }

        public StepResult Step(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, long baseOffset)
        {
            var items = new List<JsonItem>();
            var reader = new Utf8JsonReader(data, final, state);
            try
            {
                while (true)
                {
                    var before = reader;
                    if (!reader.Read())
                    {
                        // With the final block, false means the end of the data; otherwise more bytes are needed.
                        state = reader.CurrentState;
                        return new StepResult(items, (int)reader.BytesConsumed, null, final);
                    }

                    var isItem = _containers.Count == 0
                        ? rootValuesAreItems && reader.TokenType is JsonTokenType.StartObject
                        : _containers.Peek() && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject);
                    if (isItem)
                    {
                        var start = reader.TokenStartIndex;
                        var probe = reader;
                        if (!probe.TrySkip())
                        {
                            // The element is not all in the buffer yet: resume from just before it next time.
                            state = before.CurrentState;
                            return new StepResult(items, (int)before.BytesConsumed, null);
                        }

                        var slice = data[(int)start..(int)probe.BytesConsumed];
                        var elementReader = new Utf8JsonReader(slice, new JsonReaderOptions
                        {
                            CommentHandling = JsonCommentHandling.Skip,
                            AllowTrailingCommas = true,
                            MaxDepth = 256,
                        });
                        var element = JsonElement.ParseValue(ref elementReader);
                        items.Add(new JsonItem(element, Count++, baseOffset + start, null));
                        reader = probe;
                        _property = null;
                        continue;
                    }

                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName:
                            _property = JsonText.PropertyName(ref reader);
                            break;
                        case JsonTokenType.StartArray:
                            _containers.Push(isItemArray(_containers.Count == 0 ? null : _property));
                            _property = null;
                            break;
                        case JsonTokenType.StartObject:
                            _containers.Push(false);
                            _property = null;
                            break;
                        case JsonTokenType.EndArray or JsonTokenType.EndObject:
                            _containers.Pop();
                            _property = null;
                            break;
                        default:
                            _property = null;
                            break;
                    }
                }
            }
            catch (JsonException ex)
            {
                var at = ex.BytePositionInLine is { } column ? $" (line {ex.LineNumber + 1}, column {column + 1})" : string.Empty;
                return new StepResult(items, (int)reader.BytesConsumed, $"the file is not valid JSON{at}: {FirstSentence(ex.Message)}");
            }
        }

        private static string FirstSentence(string message)
        {
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return cut > 0 ? message[..cut].TrimEnd() : message;
        }
    }
}
