using System.Text;

namespace Wearables.Twins.Import.Vendors.Common;

/// <summary>One CSV record: its fields, or why it could not be split into fields.</summary>
/// <param name="Fields">The fields, unquoted; empty when <paramref name="Error"/> is set.</param>
/// <param name="Line">Line number where the record starts (a quoted field may carry it over several lines).</param>
/// <param name="Error">Why the record is unreadable (unterminated quote, text after a closing quote, over-long line).</param>
internal sealed record CsvRecord(IReadOnlyList<string> Fields, long Line, string? Error)
{
    public string Location => $"line {Line}";
}

/// <summary>
/// RFC 4180 CSV on top of <see cref="LineReader"/>: quoted fields with doubled quotes, delimiters and line breaks
/// inside quotes. A quoted field may span at most <see cref="MaxContinuationLines"/> lines: past that the opening
/// quote is taken for corruption, the record is reported unreadable, and the lines it swallowed are read again as
/// records of their own, so one stray quote cannot eat the rest of the file.
/// </summary>
internal sealed class CsvReader(LineReader lines, char delimiter)
{
    public const int MaxContinuationLines = 16;

    private readonly Queue<TextLine> _replay = new();

    public char Delimiter => delimiter;

    /// <summary>The next record (blank lines are skipped), or null at the end of the file.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var first = await NextLineAsync(cancellationToken);
            if (first is not { } line)
            {
                return null;
            }

            if (line.TooLong)
            {
                return new CsvRecord([], line.Number, $"the line is longer than {lines.MaxLineChars} characters");
            }

            if (line.Text.Length == 0 || string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            var fields = new List<string>();
            var state = new SplitState();
            var outcome = Split(line.Text, fields, ref state);
            if (outcome != SplitOutcome.OpenQuote)
            {
                return outcome == SplitOutcome.Done
                    ? new CsvRecord(fields, line.Number, null)
                    : new CsvRecord([], line.Number, state.Error);
            }

            // A quoted field goes on over the next lines; keep them in case the quote turns out to be corruption.
            var swallowed = new List<TextLine>();
            while (outcome == SplitOutcome.OpenQuote)
            {
                var next = await NextLineAsync(cancellationToken);
                if (next is not { } continuation || continuation.TooLong || swallowed.Count == MaxContinuationLines)
                {
                    if (next is { } pushedBack)
                    {
                        swallowed.Add(pushedBack);
                    }

                    foreach (var again in swallowed)
                    {
                        _replay.Enqueue(again);
                    }

                    return new CsvRecord([], line.Number, "a quoted field is not closed");
                }

                swallowed.Add(continuation);
                state.Field.Append('\n');
                outcome = Split(continuation.Text, fields, ref state);
            }

            return outcome == SplitOutcome.Done
                ? new CsvRecord(fields, line.Number, null)
                : new CsvRecord([], line.Number, state.Error);
        }
    }

    private async ValueTask<TextLine?> NextLineAsync(CancellationToken cancellationToken)
        => _replay.TryDequeue(out var replayed) ? replayed : await lines.ReadLineAsync(cancellationToken);

    private SplitOutcome Split(string text, List<string> fields, ref SplitState state)
    {
        var i = 0;
        while (true)
        {
            if (state.InQuotes)
            {
                var close = text.IndexOf('"', i);
                if (close < 0)
                {
                    state.Field.Append(text, i, text.Length - i);
                    return SplitOutcome.OpenQuote;
                }

                state.Field.Append(text, i, close - i);
                if (close + 1 < text.Length && text[close + 1] == '"')
                {
                    state.Field.Append('"');
                    i = close + 2;
                    continue;
                }

                state.InQuotes = false;
                i = close + 1;
                if (i < text.Length && text[i] != delimiter)
                {
                    state.Error = $"text after the closing quote of field {fields.Count + 1}";
                    return SplitOutcome.Error;
                }
            }

            // Here: at the start of a field, or just after a closing quote.
            if (i < text.Length && text[i] == '"' && state.Field.Length == 0 && !state.Quoted)
            {
                state.InQuotes = true;
                state.Quoted = true;
                i++;
                continue;
            }

            var next = text.IndexOf(delimiter, i);
            var end = next < 0 ? text.Length : next;
            if (!state.Quoted)
            {
                state.Field.Append(text, i, end - i);
            }

            fields.Add(state.Field.ToString());
            state.Field.Clear();
            state.Quoted = false;
            if (next < 0)
            {
                return SplitOutcome.Done;
            }

            i = next + 1;
            if (i == text.Length)
            {
                fields.Add(string.Empty);
                return SplitOutcome.Done;
            }
        }
    }

    private enum SplitOutcome
    {
        Done,
        OpenQuote,
        Error,
    }

    private struct SplitState
    {
        public SplitState()
        {
        }

        public StringBuilder Field { get; } = new();

        public bool InQuotes { get; set; }

        public bool Quoted { get; set; }

        public string? Error { get; set; }
    }
}
