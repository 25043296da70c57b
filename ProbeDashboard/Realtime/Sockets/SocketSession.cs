using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace ProbeDashboard.Realtime.Sockets;

/// <summary>
/// One raw WebSocket client of one stream. The receive loop applies subscribe/unsubscribe frames and answers bad ones
/// with an error frame; the send loop drains the connection's bounded queue. Both end, and the subscriber leaves the
/// fan-out, when the client closes, the socket breaks (keep-alive timeout included) or the server stops.
/// </summary>
internal sealed partial class SocketSession(WebSocket socket, RealtimeSubscriber subscriber, RealtimeStreamInfo stream, ILogger logger)
{
    /// <summary>Client frames are small JSON objects; a larger one is refused without being buffered.</summary>
    private const int MaxMessageBytes = 64 * 1024;

    // WebSocket allows one send at a time; pushes and error frames come from two loops.
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sending = SendPushesAsync(stop);
        try
        {
            await ReceiveAsync(stop.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            LogConnectionEnded(stream.Path, ex.Message);
        }
        finally
        {
            await stop.CancelAsync();
            await sending;
            subscriber.Dispose();
        }
        await AnswerCloseAsync();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxMessageBytes);
        try
        {
            while (true)
            {
                var (type, length) = await ReceiveMessageAsync(buffer, cancellationToken);
                if (type == WebSocketMessageType.Close) return;
                var error = type != WebSocketMessageType.Text ? "only text frames with JSON are accepted"
                    : length > MaxMessageBytes ? $"message larger than {MaxMessageBytes} bytes"
                    : Apply(buffer.AsMemory(0, length));
                if (error is not null)
                    await SendAsync(JsonSerializer.SerializeToUtf8Bytes(new RealtimeError(error), RealtimePush.WireJson), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <returns>The message type and its full length; bytes beyond the buffer are read and discarded.</returns>
    private async Task<(WebSocketMessageType Type, int Length)> ReceiveMessageAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            var free = Math.Max(0, MaxMessageBytes - length);
            var segment = free > 0 ? buffer.AsMemory(length, free) : buffer.AsMemory(0, MaxMessageBytes);
            var result = await socket.ReceiveAsync(segment, cancellationToken);
            length += result.Count;
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
                return (result.MessageType, length);
        }
    }

    /// <returns>An error message for the client, or null when the frame was applied.</returns>
    private string? Apply(ReadOnlyMemory<byte> frame)
    {
        var request = SubscriptionRequest.Parse(frame, stream, out var error);
        if (request is null) return error;
        if (request.Action == SubscriptionAction.Unsubscribe)
            subscriber.Unsubscribe(request.Topics);
        else if (!subscriber.TrySubscribe(request.Topics))
            return $"too many {stream.TopicField}: one connection follows at most the configured maximum";
        return null;
    }

    private async Task SendPushesAsync(CancellationTokenSource stop)
    {
        try
        {
            await foreach (var push in subscriber.Reader.ReadAllAsync(stop.Token))
                await SendAsync(push.Json, stop.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A broken send ends the session; the receive loop learns it through the token.
            await stop.CancelAsync();
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Completes the close handshake the client started; a broken or cancelled socket is already aborted.</summary>
    private async Task AnswerCloseAsync()
    {
        if (socket.State != WebSocketState.CloseReceived) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The peer is gone already; nothing is left to free but the socket, which the server disposes.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Realtime connection on {Path} ended: {Reason}")]
    private partial void LogConnectionEnded(string path, string reason);
}

/// <summary>The frame a client gets for a message the server could not apply; the connection stays open.</summary>
public sealed record RealtimeError(string Message)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Type => "error";
}
