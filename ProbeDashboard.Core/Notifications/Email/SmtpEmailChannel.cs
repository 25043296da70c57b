using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace ProbeDashboard.Core.Notifications.Email;

/// <summary>Sends plain-text mail through the configured SMTP server with MailKit.</summary>
public sealed class SmtpEmailChannel(IOptionsMonitor<SmtpOptions> options, SecretProtector secrets, TimeProvider time) : INotificationChannel
{
    public NotificationChannelKind Kind => NotificationChannelKind.Email;

    public async Task SendAsync(NotificationOutboxEntry message, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(smtp.Host))
            throw new InvalidOperationException("no SMTP server configured (Smtp:Host)");

        var trust = SmtpServerTrust.For(smtp, time.GetUtcNow().UtcDateTime);
        using var client = new SmtpClient { ServerCertificateValidationCallback = trust.Validate };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
        }
        catch (SslHandshakeException e) when (trust.Refusal is not null)
        {
            // MailKit's message is generic; ours names the certificate and the setting that would trust it.
            throw new System.Security.Authentication.AuthenticationException(trust.Refusal, e);
        }
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, Password(smtp) ?? "", cancellationToken);
        await client.SendAsync(Compose(smtp.From, message), cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception)
        {
            // The server has accepted the mail: a failed QUIT must not make the outbox send it again.
        }
    }

    /// <summary>Plain text only, so no mail client renders markup from monitor names; UTF-8 because names are often not ASCII.</summary>
    internal static MimeMessage Compose(string from, NotificationOutboxEntry message)
    {
        var body = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        body.SetText(Encoding.UTF8, message.Body);
        var mail = new MimeMessage { Subject = message.Subject, Body = body };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse(message.Address));
        // Status page subscription mails carry List-Unsubscribe (RFC 2369/8058), composed by Core, never user input.
        if (message.Purpose == NotificationPurpose.StatusPageSubscription && message.HeadersJson is { } headers)
            foreach (var (name, value) in System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(headers) ?? [])
            {
                // Raw, as the RFCs want them: MimeKit would encode a long value without spaces (a URL) as an encoded word.
                var header = new Header(name, "");
                header.SetRawValue(Encoding.ASCII.GetBytes($" {value}\r\n"));
                mail.Headers.Add(header);
            }
        return mail;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => throw new InvalidOperationException($"unknown Smtp:Security {security}"),
    };

    private string? Password(SmtpOptions smtp) =>
        string.IsNullOrEmpty(smtp.ProtectedPassword) ? smtp.Password : secrets.Unprotect(smtp.ProtectedPassword);
}
