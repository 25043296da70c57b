using System.Text;
using System.Text.Json;

namespace ProbeDashboard.Tests.Api.Realtime;

/// <summary>
/// A SignalR client speaking the JSON hub protocol over a raw WebSocket (the .NET SignalR client package is not
/// available here): connects straight to the WebSocket transport as a client with skipNegotiation does, shakes
/// hands, invokes hub methods and collects the server's invocations.
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly SocketTestClient _socket;
    private readonly Queue<string> _records = new();
    private readonly Queue<JsonElement> _pushes = new();
    private int _invocationId;

    private HubTestClient(SocketTestClient socket) => _socket = socket;

    public static async Task<HubTestClient> ConnectAsync(Uri hubUri, string accessToken)
    {
        var socket = await SocketTestClient.ConnectAsync(new Uri($"{hubUri}?access_token={Uri.EscapeDataString(accessToken)}"));
        var client = new HubTestClient(socket);
        await socket.SendRawAsync("""{"protocol":"json","version":1}""" + RecordSeparator);
        var handshake = await client.NextRecordAsync();
        Assert.False(handshake.TryGetProperty("error", out var error), $"handshake failed: {error}");
        return client;
    }

    /// <returns>The completion message: <c>error</c> is set when the hub refused the call.</returns>
    public async Task<JsonElement> InvokeAsync(string method, params object[] arguments)
    {
        var id = (++_invocationId).ToString();
        await _socket.SendRawAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target = method, arguments }) + RecordSeparator);
        while (true)
        {
            var record = await NextRecordAsync();
            if (record.GetProperty("type").GetInt32() == 3 && record.GetProperty("invocationId").GetString() == id) return record;
            _pushes.Enqueue(record);
        }
    }

    /// <summary>Invokes and fails the test when the hub answers with an error.</summary>
    public async Task CallAsync(string method, params object[] arguments)
    {
        var completion = await InvokeAsync(method, arguments);
        Assert.False(completion.TryGetProperty("error", out var error), $"{method} failed: {error}");
    }

    /// <summary>
    /// A keep-alive ping, as real clients send every few seconds. SignalR only starts timing a client out once it has
    /// pinged (older clients never do), so a client that pings and then falls silent is the one that gets cut off.
    /// </summary>
    public Task PingAsync() => _socket.SendRawAsync("""{"type":6}""" + RecordSeparator);

    /// <returns>The next server invocation: <c>target</c> is the client method, <c>arguments</c> its arguments.</returns>
    public async Task<JsonElement> ReceivePushAsync() => _pushes.Count > 0 ? _pushes.Dequeue() : await NextRecordAsync();

    /// <summary>Asserts nothing was pushed before the answer to a round trip: the hub handles calls in order.</summary>
    public async Task AssertNothingPendingAsync()
    {
        await CallAsync("UnsubscribeServices", Array.Empty<int>());
        Assert.True(_pushes.Count == 0, $"unexpected message: {(_pushes.Count > 0 ? _pushes.Peek() : default)}");
    }

    /// <param name="skipPings">False to see the server's keep-alive pings (type 6) too.</param>
    public async Task<JsonElement> NextRecordAsync(bool skipPings = true)
    {
        while (true)
        {
            while (_records.Count == 0)
            {
                var text = await _socket.ReceiveRawAsync(Timeout);
                foreach (var part in text.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries)) _records.Enqueue(part);
            }
            var record = JsonDocument.Parse(_records.Dequeue()).RootElement.Clone();
            // Pings (type 6) keep the connection alive and carry nothing for the test.
            if (!skipPings || !record.TryGetProperty("type", out var type) || type.GetInt32() != 6) return record;
        }
    }

    public Task CloseAsync() => _socket.CloseAsync();

    public ValueTask DisposeAsync() => _socket.DisposeAsync();
}
