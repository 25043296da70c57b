using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Tests.Core.Probing;

public class ProbeErrorsTests
{
    public static TheoryData<Exception, string> Cases => new()
    {
        { new SocketException((int)SocketError.ConnectionRefused), "connection refused" },
        { new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused)), "connection refused" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known", new SocketException((int)SocketError.HostNotFound)), "name not resolved" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), "name not resolved" },
        { new SocketException((int)SocketError.TryAgain), "name not resolved" },
        { new SocketException((int)SocketError.HostUnreachable), "host unreachable" },
        { new SocketException((int)SocketError.ConnectionReset), "connection reset" },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "ended"), "connection closed before a response" },
        { new HttpRequestException(HttpRequestError.SecureConnectionError, "ssl", new AuthenticationException("The remote certificate is invalid")), "TLS handshake failed: The remote certificate is invalid" },
        { new HttpRequestException(HttpRequestError.ConnectionError, "blocked (169.254.169.254:80)", new EgressBlockedException(IPAddress.Parse("169.254.169.254"))), "blocked by egress policy: 169.254.169.254" },
        { new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "The HTTP response headers length exceeded the set limit"), "response headers larger than 64 KiB" },
        { new InvalidOperationException(new string('x', 300)), new string('x', 199) + "…" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Maps_exceptions_to_short_human_messages(Exception exception, string expected) =>
        Assert.Equal(expected, ProbeErrors.Describe(exception));

    [Fact]
    public void Formats_timeouts_and_keyword_misses()
    {
        Assert.Equal("timeout after 10s", ProbeErrors.TimedOut(10));
        Assert.Equal("keyword 'ok' not found", ProbeErrors.KeywordMissing("ok"));
    }
}
