using System.Text.Json;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>
/// Mail over TLS to a real aiosmtpd with certificates openssl makes for the test: implicit TLS and STARTTLS, a
/// self-signed or private-CA certificate trusted through Smtp:TrustedCertificateFile, SMTP AUTH, and what an
/// operator sees when the server's certificate is not trusted.
/// </summary>
public class SmtpTlsDeliveryTests
{
    private static AlertTestFactory NewFactory(SmtpTestServer smtp, string security, string? trustedCertificateFile = null, SmtpTestLogin? login = null)
    {
        var factory = new AlertTestFactory();
        factory.Settings["Smtp:Host"] = "127.0.0.1";
        factory.Settings["Smtp:Port"] = smtp.Port.ToString();
        factory.Settings["Smtp:Security"] = security;
        factory.Settings["Smtp:From"] = "alerts@probedashboard.test";
        if (trustedCertificateFile is not null) factory.Settings["Smtp:TrustedCertificateFile"] = trustedCertificateFile;
        if (login is not null) (factory.Settings["Smtp:User"], factory.Settings["Smtp:Password"]) = (login.User, login.Password);
        return factory;
    }

    /// <summary>A monitor that fires at once and mails oncall@example.test; returns its event.</summary>
    private static async Task<AlertEvent> FireAsync(AlertFeed feed, string name)
    {
        var group = await feed.AddGroupAsync("ops", emails: ["oncall@example.test"]);
        var monitor = await feed.AddMonitorAsync(name, m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = group.Id; });
        await feed.CommitRoundsAsync(monitor.Id, false);
        return await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the alert");
    }

    private static async Task AssertDeliveredAsync(SmtpTestServer smtp, AlertFeed feed, string name)
    {
        await Eventually.TrueAsync(() => smtp.Messages().Count == 1, "the fired mail");
        Assert.Contains($"Subject: [FIRING] {name} is down", smtp.Messages()[0]);
        await Eventually.TrueAsync(async () => (await feed.OutboxAsync()).Single().Status == OutboxStatus.Delivered, "marked delivered");
    }

    [Fact]
    public async Task Implicit_tls_to_a_server_with_its_self_signed_certificate_trusted_delivers_the_mail()
    {
        using var certificate = await TestCertificate.SelfSignedAsync();
        await using var smtp = await SmtpTestServer.StartAsync(SmtpTestTls.Implicit, certificate);
        await using var factory = NewFactory(smtp, "tls", certificate.CertificateFile);
        var feed = new AlertFeed(factory);

        await FireAsync(feed, "smtps");

        await AssertDeliveredAsync(smtp, feed, "smtps");
    }

    [Fact]
    public async Task Starttls_to_a_server_whose_certificate_a_trusted_private_ca_issued_delivers_the_mail()
    {
        using var authority = await TestCertificate.AuthorityAsync();
        using var certificate = await authority.IssueAsync();
        await using var smtp = await SmtpTestServer.StartAsync(SmtpTestTls.StartTls, certificate);
        await using var factory = NewFactory(smtp, "starttls", authority.CertificateFile);
        var feed = new AlertFeed(factory);

        await FireAsync(feed, "submission");

        await AssertDeliveredAsync(smtp, feed, "submission");
    }

    [Fact]
    public async Task With_smtp_user_set_the_mail_goes_through_smtp_auth_and_a_wrong_password_is_the_recorded_error()
    {
        using var certificate = await TestCertificate.SelfSignedAsync();
        var login = new SmtpTestLogin("alerts", "correct horse");
        await using var smtp = await SmtpTestServer.StartAsync(SmtpTestTls.StartTls, certificate, login);
        await using (var factory = NewFactory(smtp, "starttls", certificate.CertificateFile, login))
        {
            var feed = new AlertFeed(factory);
            await FireAsync(feed, "with-login");
            await AssertDeliveredAsync(smtp, feed, "with-login");
        }

        await using var wrong = NewFactory(smtp, "starttls", certificate.CertificateFile, login with { Password = "wrong" });
        var wrongFeed = new AlertFeed(wrong);
        await FireAsync(wrongFeed, "wrong-login");
        var refused = await Eventually.GetAsync(async () => (await wrongFeed.OutboxAsync()).SingleOrDefault(o => o.LastError is not null), "the refused login");
        Assert.Contains("Authentication credentials invalid", refused.LastError);
        Assert.Single(smtp.Messages());
    }

    public static TheoryData<bool> TrustedFileConfigured => new() { false, true };

    [Theory]
    [MemberData(nameof(TrustedFileConfigured))]
    public async Task An_untrusted_server_certificate_is_a_delivery_error_on_the_event_that_names_it_and_is_retried(bool otherCertificateTrusted)
    {
        using var certificate = await TestCertificate.SelfSignedAsync();
        using var other = await TestCertificate.SelfSignedAsync();
        await using var smtp = await SmtpTestServer.StartAsync(SmtpTestTls.Implicit, certificate);
        await using var factory = NewFactory(smtp, "tls", otherCertificateTrusted ? other.CertificateFile : null);
        var feed = new AlertFeed(factory);

        var fired = await FireAsync(feed, "untrusted");

        var retried = await Eventually.GetAsync(async () => (await feed.OutboxAsync()).SingleOrDefault(o => o.Attempts >= 2), "a retry");
        Assert.Equal(OutboxStatus.Pending, retried.Status);
        using var client = await factory.CreateClientAsync(UserRole.Viewer);
        var detail = (await (await client.GetAsync($"/api/v1/alert-events/{fired.Id}")).JsonAsync()).GetProperty("data");
        var notification = detail.GetProperty("notifications").EnumerateArray().Single();
        Assert.Equal("pending", notification.GetProperty("status").GetString());
        var error = notification.GetProperty("last_error").GetString()!;
        Assert.Contains("the SMTP server's certificate (CN=127.0.0.1, SHA-256 ", error);
        Assert.Contains(otherCertificateTrusted ? "is not trusted by Smtp:TrustedCertificateFile" : "is not trusted", error);
        Assert.Contains("UntrustedRoot", error);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task A_trusted_certificate_for_another_host_name_is_refused()
    {
        using var certificate = await TestCertificate.SelfSignedAsync(dnsName: "mail.example.test");
        await using var smtp = await SmtpTestServer.StartAsync(SmtpTestTls.Implicit, certificate);
        await using var factory = NewFactory(smtp, "tls", certificate.CertificateFile);
        var feed = new AlertFeed(factory);

        await FireAsync(feed, "renamed");

        var failed = await Eventually.GetAsync(async () => (await feed.OutboxAsync()).SingleOrDefault(o => o.LastError is not null), "the refusal");
        Assert.Contains("is not valid for the host name 127.0.0.1", failed.LastError);
    }

    [Theory]
    [InlineData("Smtp:Security", "ssl")]
    [InlineData("Smtp:Security", "7")]
    [InlineData("Smtp:TrustedCertificateFile", "/nonexistent/ca.pem")]
    [InlineData("Smtp:From", "not an address")]
    public void A_bad_smtp_setting_stops_the_start_with_an_error_naming_it(string key, string value)
    {
        using var factory = new AlertTestFactory();
        factory.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains(key, error is OptionsValidationException ? error.Message : error.ToString());
    }
}
