using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Operations;

/// <summary>
/// A server whose address another process holds stops with one line naming the address and exit code 69
/// (EX_UNAVAILABLE), whichever way the address is taken. Before, the same port on two servers crashed with
/// "Hosting failed to start" and a stack trace (exit 134), and a program listening on IPv6 only let the server
/// report "Now listening on http://127.0.0.1:P" while localhost:P reached the other program.
/// </summary>
public class ListenAddressTests
{
    [Fact]
    public async Task A_second_server_on_the_same_address_exits_69_with_one_line_naming_it()
    {
        using var temp = new TempDirectory();
        await using var first = AppProcess.Start(["serve", .. AppProcess.AnyLocalPort, "--data-dir", Path.Combine(temp.Path, "first"),
            "--Auth:AdminPassword=listen-test-password"]);
        var url = await first.ListeningUrlAsync(TimeSpan.FromSeconds(60));

        await using var second = StartServer(url, Path.Combine(temp.Path, "second"));
        AssertRefusedWithOneLine(await second.WaitForExitAsync(TimeSpan.FromSeconds(60)), second, url);
        Assert.False(first.HasExited);
    }

    [Theory]
    [InlineData("::1", "http://127.0.0.1:{0}")]        // another program on IPv6 loopback only: localhost would reach it
    [InlineData("::", "http://127.0.0.1:{0}")]         // ... or on the IPv6 wildcard, IPv6-only
    [InlineData("127.0.0.1", "http://localhost:{0}")]  // localhost is both loopbacks
    [InlineData("127.0.0.1", "http://[::1]:{0}")]
    [InlineData("127.0.0.1", "http://*:{0}")]          // every address, dual-stack
    [InlineData("0.0.0.0", "http://127.0.0.1:{0}")]
    public async Task An_address_another_program_holds_in_any_way_stops_the_server_with_exit_69(string heldAddress, string urlFormat)
    {
        using var temp = new TempDirectory();
        using var other = Hold(IPAddress.Parse(heldAddress));
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, urlFormat, ((IPEndPoint)other.LocalEndPoint!).Port);

        await using var server = StartServer(url, Path.Combine(temp.Path, "data"));

        AssertRefusedWithOneLine(await server.WaitForExitAsync(TimeSpan.FromSeconds(60)), server, url);
    }

    [Fact]
    public async Task Without_a_public_url_links_in_notifications_point_at_the_address_the_server_listens_on()
    {
        await using var app = await LiveApp.StartAsync(new Dictionary<string, string>(), Timeout());

        var dashboard = app.Services.GetRequiredService<DashboardAddress>();

        Assert.False(dashboard.IsConfigured);
        Assert.Equal($"{app.BaseUrl}/alerts/42", dashboard.AlertLink(42));
    }

    private static AppProcess StartServer(string url, string dataDirectory) =>
        AppProcess.Start(["serve", "--urls", url, "--data-dir", dataDirectory, "--Auth:AdminPassword=listen-test-password"]);

    private static void AssertRefusedWithOneLine(int exitCode, AppProcess server, string url)
    {
        Assert.True(exitCode == 69, $"exit {exitCode}:\n{server.OutputText}");
        var lines = server.Output.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var refusal = Assert.Single(lines, l => l.Contains("cannot listen"));
        Assert.Contains(url, refusal);
        Assert.DoesNotContain(lines, l => l.Contains("Hosting failed") || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Now listening"));
    }

    /// <summary>A listening socket as another program would hold it, on a port the system picks (no race).</summary>
    private static Socket Hold(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (address.AddressFamily == AddressFamily.InterNetworkV6) socket.DualMode = false;
        socket.Bind(new IPEndPoint(address, 0));
        socket.Listen();
        return socket;
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;
}

public class PublicUrlSettingTests
{
    [Theory]
    [InlineData("probe.example.org")]          // no scheme: links would be relative
    [InlineData("ftp://probe.example.org")]
    public void A_public_url_that_is_not_an_absolute_http_url_stops_the_start_naming_the_setting(string value)
    {
        using var factory = new AlertTestFactory();
        factory.Settings["Dashboard:PublicUrl"] = value;

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Dashboard:PublicUrl", error is Microsoft.Extensions.Options.OptionsValidationException ? error.Message : error.ToString());
    }
}
