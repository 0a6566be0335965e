using System.Runtime.CompilerServices;
using Wearables.Twins.Import.Garmin.Fit;

namespace Wearables.Twins.Import.Garmin;

/// <summary>
/// Imports Garmin FIT files (activities, monitoring): heart rate, beat-to-beat intervals, steps, session
/// distance and energy. The decoder is this project's own, written from the FIT protocol description; see the
/// project's README for what is read, what is skipped and how times get their offset.
/// </summary>
/// <remarks>
/// A damaged file (CRC mismatch) yields one <see cref="GarminFitReasons.CrcMismatch"/> rejection after the
/// records decoded from it, which still count; a cut file yields the records before the cut and one
/// <see cref="GarminFitReasons.TruncatedFile"/> rejection. A stream that does not start with a FIT header
/// throws <see cref="InvalidDataException"/>.
/// </remarks>
public sealed class GarminFitImporter : IHealthDataImporter
{
    public const string FormatName = "garmin";

    public string Format => FormatName;

    /// <summary>
    /// True when the first bytes are a FIT header: a header size of at least 12 and ".FIT" in bytes 8–11. The
    /// signature decides, not the name: a renamed FIT file is still read, and a ".fit" name on other bytes is not.
    /// </summary>
    public bool CanRead(string fileName, ReadOnlySpan<byte> head)
        => head.Length >= 12 && head[0] >= 12 && head[8..12].SequenceEqual(".FIT"u8);

    /// <inheritdoc />
    /// <remarks>
    /// When <paramref name="content"/> can seek, a first pass reads the wearer's offset and the sessions, which
    /// FIT writes at the end of the file, and puts the stream back; otherwise times take the offset of
    /// <see cref="ImportContext.LocalTimeZone"/>.
    /// </remarks>
    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream content, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);

        var lookahead = content.CanSeek
            ? await FitLookahead.ScanAsync(content, cancellationToken)
            : FitLookahead.None;
        var mapper = new FitRecordMapper(context, lookahead);
        var reader = new FitReader(content);
        while (true)
        {
            switch (await reader.ReadAsync(cancellationToken))
            {
                case FitItem.Message:
                    foreach (var record in mapper.Map(reader.Message))
                    {
                        yield return record;
                    }

                    break;
                case FitItem.Problem:
                    yield return mapper.Rejected(reader.Problem);
                    break;
                case FitItem.FileEnd:
                    foreach (var record in mapper.EndOfFile())
                    {
                        yield return record;
                    }

                    break;
                default:
                    foreach (var record in mapper.EndOfFile())
                    {
                        yield return record;
                    }

                    yield break;
            }
        }
    }
}
