using System.Net;

namespace Wearables.Twins.Cli.Api;

/// <summary>Streams a file as a request body and reports how many bytes have gone, for the upload progress bar.</summary>
internal sealed class ProgressStreamContent(Stream source, IProgress<long> progress) : HttpContent
{
    private const int ChunkBytes = 1 << 16;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkBytes];
        long sent = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            sent += read;
            progress.Report(sent);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = source.CanSeek ? source.Length : -1;
        return source.CanSeek;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            source.Dispose();
        }

        base.Dispose(disposing);
    }
}
