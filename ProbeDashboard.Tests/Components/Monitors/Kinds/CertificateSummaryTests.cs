using Bunit;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors.Kinds;

namespace ProbeDashboard.Tests.Components.Monitors.Kinds;

/// <summary>The certificate line of the monitor detail: days left, coloured by the monitor's own thresholds.</summary>
public class CertificateSummaryTests : ComponentTest
{
    private IRenderedComponent<CertificateSummary> Render(CertificateView? certificate, params int[] thresholds) =>
        Ctx.Render<CertificateSummary>(p => p.Add(c => c.Certificate, certificate).Add(c => c.Thresholds, thresholds));

    private static CertificateView DaysLeft(int days) => new("CN=shop.example", "CN=Test CA", DateTime.UtcNow.AddDays(days + 0.5), days);

    [Theory]
    [InlineData(60, "status-online")]
    [InlineData(20, "status-unknown")]
    [InlineData(7, "status-offline")]
    [InlineData(5, "status-offline")]
    public void Days_left_are_coloured_by_the_thresholds(int days, string expected)
    {
        var cut = Render(DaysLeft(days), 21, 14, 7);

        var chip = cut.Find(".status");
        Assert.Contains(expected, chip.ClassList);
        Assert.Equal($"Certificate: {days} days left", chip.TextContent.Trim());
        Assert.Contains("CN=shop.example", cut.Find(".certificate-names").TextContent);
        Assert.Contains("issued by CN=Test CA", cut.Find(".certificate-names").TextContent);
    }

    [Fact]
    public void An_expired_certificate_is_an_alarm_even_without_thresholds()
    {
        var cut = Render(new CertificateView("CN=old", "CN=old", DateTime.UtcNow.AddDays(-3), -3));
        Assert.Contains("status-offline", cut.Find(".status").ClassList);
        Assert.Equal("Certificate expired", cut.Find(".status").TextContent.Trim());
        Assert.Contains("status-online", Render(DaysLeft(5)).Find(".status").ClassList);
    }

    [Fact]
    public void Nothing_shows_before_a_certificate_was_seen_and_chinese_reads_days_left()
    {
        Assert.Empty(Render(null, 21).Markup.Trim());
        UseCulture("zh-Hans");
        Assert.Equal("证书：剩余 12 天", Render(DaysLeft(12), 21).Find(".status").TextContent.Trim());
    }
}
