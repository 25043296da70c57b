using Bunit;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors;
using ProbeDashboard.Monitors.Kinds;

namespace ProbeDashboard.Tests.Components.Monitors.Kinds;

/// <summary>The certificate section of the monitor form: when it shows, what it edits, and the Core's errors under it.</summary>
public class CertificateFieldsTests : ComponentTest
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private IRenderedComponent<CertificateFields> Render(MonitorFormModel model, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Ctx.Render<CertificateFields>(p => p.Add(c => c.Model, model).Add(c => c.Errors, errors ?? NoErrors));

    [Fact]
    public void An_https_monitor_edits_its_thresholds_and_may_accept_an_untrusted_certificate()
    {
        var model = new MonitorFormModel { Kind = MonitorKind.Http, Target = "https://shop.example/health" };
        var cut = Render(model);

        Assert.Equal("21, 14, 7", cut.Field("Alert days before expiry").GetAttribute("value"));
        cut.Fill("Alert days before expiry", "30, 7");
        cut.OnRenderer(() => cut.Find(".switch-field input[type=checkbox]").Change(true));

        Assert.Equal("30, 7", model.TlsExpiryDays);
        Assert.True(model.IgnoreTlsErrors);
        var input = model.ToInput();
        Assert.Equal([30, 7], input.TlsExpiryDays);
        Assert.True(input.Http!.IgnoreTlsErrors);
    }

    [Fact]
    public void A_tls_monitor_has_thresholds_but_no_switch_and_a_plain_http_monitor_has_no_section()
    {
        var tls = Render(new MonitorFormModel { Kind = MonitorKind.Tls, Target = "mail.example:465" });
        Assert.Contains("Certificate", tls.Find("h3").TextContent);
        Assert.Empty(tls.FindAll(".switch-field"));

        var plain = Render(new MonitorFormModel { Kind = MonitorKind.Http, Target = "http://shop.example/" });
        Assert.Empty(plain.Markup.Trim());
        var tcp = Render(new MonitorFormModel { Kind = MonitorKind.Tcp, Target = "db:5432" });
        Assert.Empty(tcp.Markup.Trim());
    }

    [Fact]
    public void The_cores_error_shows_under_the_thresholds_and_words_become_out_of_range_days()
    {
        var model = new MonitorFormModel { Kind = MonitorKind.Tls, Target = "mail.example:465", TlsExpiryDays = "14, soon" };
        Assert.Equal([14, 0], model.ToInput().TlsExpiryDays);

        var cut = Render(model, new Dictionary<string, string[]> { ["tls_expiry_days"] = ["each threshold must be between 1 and 365 days"] });

        Assert.Contains("each threshold must be between 1 and 365 days", cut.Find(".mud-input-helper-text.mud-input-error").TextContent);
    }

    [Fact]
    public void An_empty_threshold_list_switches_the_alert_off()
    {
        var model = new MonitorFormModel { Kind = MonitorKind.Tls, Target = "mail.example:465", TlsExpiryDays = " " };
        Assert.Empty(model.ToInput().TlsExpiryDays!);
        Assert.Equal("", ExpiryDaysText.Format([]));
    }

    [Fact]
    public void Chinese_labels()
    {
        UseCulture("zh-Hans");
        var cut = Render(new MonitorFormModel { Kind = MonitorKind.Http, Target = "https://shop.example/" });
        Assert.Contains("证书", cut.Find("h3").TextContent);
        Assert.NotNull(cut.Field("到期前提前告警的天数"));
    }
}
