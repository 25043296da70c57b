using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ProbeDashboard.Tests.Api.Realtime;

/// <summary>A raw WebSocket client of one seed 001 §5 endpoint over a real socket.</summary>
public sealed class SocketTestClient : IAsyncDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker _invoker;

    private SocketTestClient(ClientWebSocket socket, HttpMessageInvoker invoker)
    {
        _socket = socket;
        _invoker = invoker;
    }

    public WebSocketState State => _socket.State;

    /// <param name="smallReceiveBuffer">Shrinks the client's socket buffer, so a client that stops reading backs up soon.</param>
    public static async Task<SocketTestClient> ConnectAsync(Uri uri, string? bearerToken = null, string? origin = null,
        bool smallReceiveBuffer = false)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (bearerToken is not null) socket.Options.SetRequestHeader("Authorization", $"Bearer {bearerToken}");
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (smallReceiveBuffer) tcp.ReceiveBufferSize = 4096;
                await tcp.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(tcp, ownsSocket: true);
            },
        });
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        try
        {
            await socket.ConnectAsync(uri, invoker, timeout.Token);
        }
        catch
        {
            invoker.Dispose();
            throw new RefusedException(socket.HttpStatusCode);
        }
        return new SocketTestClient(socket, invoker);
    }

    public Task SendAsync(string json) => SendRawAsync(json);

    /// <summary>Sends one text frame as it is (also for protocols layered on WebSocket, such as SignalR's).</summary>
    public Task SendRawAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] bytes) =>
        _socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

    /// <summary>The next text frame as it is; fails the test when none arrives in time or the server closes.</summary>
    public async Task<string> ReceiveRawAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var text = await ReceiveTextAsync(cts.Token);
        Assert.True(text is not null, "the server closed the connection");
        return text!;
    }

    public Task SendAsync(object message) => SendAsync(JsonSerializer.Serialize(message));

    /// <summary>The next message, parsed; fails the test when none arrives in time.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        var text = await ReceiveRawAsync(timeout ?? ReceiveTimeout);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Waits until the server has applied every frame sent so far: frames are handled in order, so the error frame
    /// answering a deliberately unknown action comes after all of them. The seed has no acknowledgement message.
    /// </summary>
    public async Task SyncAsync()
    {
        await SendAsync("""{"action":"sync"}""");
        var reply = await ReceiveAsync();
        Assert.Equal("error", reply.GetProperty("type").GetString());
    }

    /// <summary>Asserts that nothing but the sync reply arrives: anything pushed before it is a message too many.</summary>
    public async Task AssertNothingPendingAsync()
    {
        await SendAsync("""{"action":"sync"}""");
        var reply = await ReceiveAsync();
        Assert.True(reply.GetProperty("type").GetString() == "error", $"unexpected message: {reply}");
    }

    private async Task<string?> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
    }

    /// <summary>Drops the TCP connection without a close handshake, as a crashed client would.</summary>
    public void Abort() => _socket.Abort();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _invoker.Dispose();
        return ValueTask.CompletedTask;
    }

    public sealed class RefusedException(HttpStatusCode status) : Exception($"upgrade refused with HTTP {(int)status}")
    {
        public HttpStatusCode Status { get; } = status;
    }
}
