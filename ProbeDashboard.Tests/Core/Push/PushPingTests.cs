using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Tests.Core.Push;

public class PushPingTests
{
    [Theory]
    [InlineData(null, null, PushPingKind.Success, null)]
    [InlineData("fail", null, PushPingKind.Failure, null)]
    [InlineData("start", null, PushPingKind.Start, null)]
    [InlineData("0", null, PushPingKind.Success, 0)]
    [InlineData("3", null, PushPingKind.Failure, 3)]
    [InlineData("255", null, PushPingKind.Failure, 255)]
    [InlineData(null, "up", PushPingKind.Success, null)]
    [InlineData(null, "down", PushPingKind.Failure, null)]
    public void Each_url_form_reads_as_its_kind(string? action, string? status, PushPingKind kind, int? exit)
    {
        var ping = PushPing.Read(action, status, null, null, null, out var problem);

        Assert.Null(problem);
        Assert.Equal((kind, exit), (ping!.Kind, ping.ExitStatus));
    }

    [Theory]
    [InlineData("256", null, null)]
    [InlineData("-1", null, null)]
    [InlineData("restart", null, null)]
    [InlineData(null, "sideways", null)]
    [InlineData(null, "up", "fast")]
    public void Anything_else_is_a_problem(string? action, string? status, string? pingMs)
    {
        Assert.Null(PushPing.Read(action, status, null, pingMs, null, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void The_body_wins_over_msg_is_clipped_to_10_KB_and_an_exit_status_leads_the_message()
    {
        var ping = PushPing.Read("3", null, "from msg", "12.5", new string('x', 20_000), out _)!;

        Assert.Equal(PushPing.MaxMessageChars, ping.Message!.Length);
        Assert.Equal(12.5, ping.LatencyMs);
        Assert.StartsWith("exit status 3: xxx", ping.ResultMessage);
        Assert.Equal("from msg", PushPing.Read(null, "down", "from msg", null, null, out _)!.ResultMessage);
    }
}
