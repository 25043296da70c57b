using System.Globalization;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Ui;

namespace ProbeDashboard.Tests.Components.Ui;

/// <summary>The Core's English texts, as the UI shows them in Chinese; unknown text stays as it is.</summary>
public class CoreTextTranslatorTests
{
    private static readonly CultureInfo Chinese = new("zh-Hans"), English = new("en");
    private readonly CoreTextTranslator _translator = new();

    [Fact]
    public void Probe_errors_made_by_the_core_read_in_chinese_with_their_values()
    {
        Assert.Equal("5 秒后超时", _translator.Translate(ProbeErrors.TimedOut(5), Chinese));
        Assert.Equal("未找到关键字“healthy”", _translator.Translate(ProbeErrors.KeywordMissing("healthy"), Chinese));
        Assert.Equal("连接被拒绝", _translator.Translate(ProbeErrors.Describe(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)), Chinese));
    }

    [Fact]
    public void Alert_titles_keep_user_names_and_the_most_specific_pattern_wins()
    {
        Assert.Equal("backup on nas 已宕机", _translator.Translate("backup on nas is down", Chinese));
        Assert.Equal("web-1：CPU high", _translator.Translate("CPU high on web-1", Chinese));
    }

    [Fact]
    public void English_and_unknown_text_are_shown_as_they_are()
    {
        Assert.Equal("timeout after 5s", _translator.Translate("timeout after 5s", English));
        Assert.Equal("HTTP/1.1 418 I'm a teapot", _translator.Translate("HTTP/1.1 418 I'm a teapot", Chinese));
        Assert.Equal("", _translator.Translate(null, Chinese));
    }

    [Fact]
    public void Validation_messages_read_in_chinese()
    {
        Assert.Equal("为必填项", _translator.Translate("is required", Chinese));
        Assert.Equal("必须介于 10 到 86400 秒之间", _translator.Translate("must be between 10 and 86400 seconds", Chinese));
    }

    [Fact]
    public void Alert_messages_keep_the_condition_and_values_as_written()
    {
        Assert.Equal("服务 api-prod：latency > 2 成立（latency=3.1），持续 300 秒",
            _translator.Translate("service api-prod: latency > 2 holds (latency=3.1), for 300 s", Chinese));
        Assert.Equal("主机 web-1：cpu > 90 成立（cpu=97）", _translator.Translate("host web-1: cpu > 90 holds (cpu=97)", Chinese));
    }

    [Fact]
    public void Dns_tls_and_json_failures_and_certificate_alerts_read_in_chinese()
    {
        Assert.Equal("NXDOMAIN：该名称不存在", _translator.Translate("NXDOMAIN: the name does not exist", Chinese));
        Assert.Equal("期望 127.0.0.2，实际为 127.0.0.9", _translator.Translate("expected 127.0.0.2, got 127.0.0.9", Chinese));
        Assert.Equal("期望状态码 200，实际为 503", _translator.Translate("expected status 200, got 503", Chinese));
        Assert.Equal("TLS 握手失败：证书链不受信任或已过期", _translator.Translate("TLS handshake failed: certificate chain not trusted or expired", Chinese));
        Assert.Equal("JSON $.status 为 \"degraded\"，期望 == ok", _translator.Translate("JSON $.status is \"degraded\", expected == ok", Chinese));
        Assert.Equal("shop.test 的 TLS 证书将在 5 天后过期", _translator.Translate("TLS certificate of shop.test expires in 5 days", Chinese));
    }
}
