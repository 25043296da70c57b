using System.Net;
using System.Net.Sockets;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Probing;

/// <summary>An upside-down monitor on a real TCP port of 127.0.0.1: up while the port is closed, down once it listens.</summary>
public sealed class UpsideDownProbeTests : IDisposable
{
    private readonly ProbeServices _probes = new();

    public void Dispose() => _probes.Dispose();

    [Fact]
    public async Task A_closed_port_is_up_and_says_the_failure_was_expected_an_open_one_is_down()
    {
        // A port that was free a moment ago: nothing listens on it until the test opens it.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var monitor = TestMonitors.Tcp("must stay closed", $"127.0.0.1:{port}");
        monitor.UpsideDown = true;

        var closed = await _probes.RunAsync(monitor);
        Assert.True(closed.Success);
        Assert.Equal("up (inverted): connection refused expected", closed.ErrorMessage);

        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        try
        {
            var open = await _probes.RunAsync(monitor);
            Assert.False(open.Success);
            Assert.Equal(ProbeErrors.InvertedDown, open.ErrorMessage);
        }
        finally
        {
            listener.Stop();
        }

        monitor.UpsideDown = false;
        var plain = await _probes.RunAsync(monitor);
        Assert.False(plain.Success);
        Assert.Equal("connection refused", plain.ErrorMessage);
    }
}
