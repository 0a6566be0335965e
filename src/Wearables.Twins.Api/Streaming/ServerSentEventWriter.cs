using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Wearables.Twins.Api.Streaming;

/// <summary>
/// Writes <c>text/event-stream</c> frames straight into the response pipe: <c>event:</c> and one <c>data:</c> line of
/// compact JSON (which never holds a raw line break), and comment lines for heartbeats. Every frame is flushed at once.
/// </summary>
internal sealed class ServerSentEventWriter : IDisposable
{
    private static readonly byte[] EventField = "event: "u8.ToArray();
    private static readonly byte[] DataField = "\ndata: "u8.ToArray();
    private static readonly byte[] FrameEnd = "\n\n"u8.ToArray();
    private static readonly byte[] CommentField = ": "u8.ToArray();

    private readonly PipeWriter _pipe;
    private readonly Utf8JsonWriter _json;

    private ServerSentEventWriter(PipeWriter pipe)
    {
        _pipe = pipe;
        _json = new Utf8JsonWriter(pipe);
    }

    /// <summary>False once the client has gone: the caller stops.</summary>
    public bool IsOpen { get; private set; } = true;

    /// <summary>Sends the response headers of an event stream that no proxy buffers or caches, and returns its writer.</summary>
    public static async Task<ServerSentEventWriter> StartAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);
        return new ServerSentEventWriter(response.BodyWriter);
    }

    public async ValueTask WriteEventAsync<T>(string name, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        _pipe.Write(EventField);
        Encoding.UTF8.GetBytes(name, _pipe);
        _pipe.Write(DataField);
        _json.Reset(_pipe);
        JsonSerializer.Serialize(_json, value, type);
        _json.Flush();
        _pipe.Write(FrameEnd);
        await FlushAsync(cancellationToken);
    }

    public async ValueTask WriteCommentAsync(string text, CancellationToken cancellationToken)
    {
        _pipe.Write(CommentField);
        Encoding.UTF8.GetBytes(text, _pipe);
        _pipe.Write(FrameEnd);
        await FlushAsync(cancellationToken);
    }

    public void Dispose() => _json.Dispose();

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var result = await _pipe.FlushAsync(cancellationToken);
        if (result.IsCompleted || result.IsCanceled)
        {
            IsOpen = false;
        }
    }
}
